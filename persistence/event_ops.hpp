#pragma once
// The write operations of the event store.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/event_record.hpp"
#include "persistence/event_retention.hpp"

namespace auraos::persistence {

/// Stores events in order, all in the operation's transaction. An event whose id is stored
/// already is not stored again: the result holds the stored one (published_events::existing).
/// Result: published_events.
struct publish_events_op {
  std::vector<event_record> events;  ///< Each with id, stored_at and timestamp set.
};

/// Deletes at most `limit` events with timestamp < older_than_ms (of `type` when given; with
/// seq < below_seq when given), the lowest seq first. Result: deleted_events.
struct delete_events_op {
  std::int64_t older_than_ms = 0;   ///< Exclusive bound on `timestamp`.
  std::optional<std::string> type;  ///< Only this type.
  std::int64_t limit = 1000;        ///< At most this many rows.
  std::optional<std::int64_t> below_seq;  ///< Only events with a lower seq (maxCount).
};

/// Records how far a named consumer of the event log got (e.g. "triggers"): the highest seq
/// it has handled. Never moves backwards (a lower seq leaves the stored one).
struct put_event_cursor_op {
  std::string name;      ///< The consumer.
  std::int64_t seq = 0;  ///< Handled every event up to this seq.
};

}  // namespace auraos::persistence
