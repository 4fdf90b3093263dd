#pragma once
// CloudEvents 1.0 in structured mode (`application/cloudevents+json` and
// `application/cloudevents-batch+json`) read into event values.

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event_input.hpp"

namespace auraos::runtime::events {

/// The media type of one structured CloudEvent.
inline constexpr std::string_view cloudevents_type = "application/cloudevents+json";
/// The media type of a batch of structured CloudEvents (a JSON array).
inline constexpr std::string_view cloudevents_batch_type = "application/cloudevents-batch+json";

/// Reads CloudEvents: `specversion` must be "1.0"; `type` and `source` follow the event's name
/// rules; `id` (optional here: absent gets a UUID), `time`, `data`; the extensions
/// `correlationid` and `causationid` become the event's ids; every other attribute
/// (`subject`, `datacontenttype`, `dataschema`, other extensions) goes into `metadata`.
/// `data_base64` is refused. `batch` expects an array (the batch media type).
input_result parse_cloud_events(const nlohmann::json& body, bool batch);

}  // namespace auraos::runtime::events
