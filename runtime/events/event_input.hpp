#pragma once
// Published events as the API takes them (spec events.md, "The event" and "REST"): one JSON
// object or an array of at most 1,000, validated into event values. CloudEvents bodies are in
// cloud_event.hpp.

#include <cstddef>
#include <functional>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"
#include "runtime/events/input_error.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events {

/// The most events one publish carries.
inline constexpr std::size_t max_batch_events = 1000;

/// Published events, in the order given, or every problem found.
using input_result = result<std::vector<event>, input_error>;

/// Reads one event object with `reader` (its problems are noted there).
using object_parser = std::function<event(const nlohmann::json& object, field_reader& reader)>;

/// Applies `parse` to `body`: an object (unless `batch_only`), or an array of at most
/// max_batch_events objects whose problems are prefixed "[index].".
input_result parse_event_batch(const nlohmann::json& body, bool batch_only,
                               const object_parser& parse);

/// The events of `POST /api/v1/events` (`application/json`): `type` and `source` required,
/// `id`, `timestamp`, `data` (default {}), `metadata` (an object, default {}), `correlationId`
/// and `causationId` optional; unknown fields are refused. An absent id and timestamp stay
/// empty and zero (the service fills them).
input_result parse_published_events(const nlohmann::json& body);

}  // namespace auraos::runtime::events
