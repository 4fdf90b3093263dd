#pragma once
// An event of the event service (spec events.md, "The event"): what is published, stored,
// streamed and matched. JSON members are kept as text so the value crosses actors and nodes as
// is.

#include <cstdint>
#include <optional>
#include <string>

namespace auraos::runtime::events {

/// One event, as stored.
struct event {
  std::string id;                             ///< UUID text (or the publisher's id).
  std::string type;                           ///< e.g. "order.paid".
  std::string source;                         ///< e.g. "shop".
  std::string data = "{}";                    ///< JSON text.
  std::string metadata = "{}";                ///< JSON text (an object).
  std::int64_t timestamp = 0;                 ///< The event's time, ms since the epoch.
  std::optional<std::string> correlation_id;  ///< Groups related events.
  std::optional<std::string> causation_id;    ///< The event that caused this one.
  /// Storing order: assigned by the store, strictly increasing in commit order (0 before).
  std::int64_t seq = 0;
  /// When it was stored, ms since the epoch (set by the publisher before the commit).
  std::int64_t stored_at = 0;
  /// Equal when every field is.
  bool operator==(const event&) const = default;
};

}  // namespace auraos::runtime::events
