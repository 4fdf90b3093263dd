#pragma once
// The JSON form of an event (spec events.md, "The event"), as the API answers it and as
// expressions see it (`event` in `where`, `wait_event` output, a trigger's `input`).

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"

namespace auraos::runtime::events {

/// `{id, type, source, timestamp, data, metadata, correlationId, causationId}`: timestamp in
/// RFC 3339 with milliseconds (UTC), data and metadata parsed, absent ids as null.
nlohmann::json event_json(const event& e);

}  // namespace auraos::runtime::events
