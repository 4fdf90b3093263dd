#pragma once
// Stored events (the seed's `events` table): records, the filter of a list, and what a publish
// answers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/store_error.hpp"
#include "runtime/events/event.hpp"

namespace auraos::persistence {

/// One stored event (the runtime's event value).
using event_record = runtime::events::event;

/// Which events a list returns; empty fields match everything. Always in storing order.
struct event_filter {
  std::vector<std::string> types;             ///< Any of these types.
  std::optional<std::string> source;          ///< This source.
  std::optional<std::int64_t> from_ms;        ///< timestamp >= from_ms.
  std::optional<std::int64_t> to_ms;          ///< timestamp < to_ms.
  std::optional<std::string> correlation_id;  ///< This correlation id.
  std::optional<std::int64_t> after_seq;      ///< seq > after_seq (replay after an event).
  std::optional<std::int64_t> stored_from_ms; ///< stored_at >= stored_from_ms (wait_event).
};

/// What a publish stored: each event as stored, and whether it was there already (same id).
struct published_events {
  std::vector<event_record> events;  ///< In the order given.
  std::vector<bool> existing;        ///< existing[i]: events[i] is the earlier stored one.
};

/// How many events a delete removed.
struct deleted_events {
  std::int64_t count = 0;          ///< Rows deleted by this operation.
  std::int64_t max_deleted_seq = 0;  ///< The highest seq deleted (0: none).
};

}  // namespace auraos::persistence
