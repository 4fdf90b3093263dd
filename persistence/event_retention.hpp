#pragma once
// Retention rules of the event log (how long and how many events of a type are kept), their
// write operations, and the per-bucket event counts of the metrics.

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/metrics/event_series.hpp"

namespace auraos::persistence {

/// The type name of the default rule: it applies to every type without a rule of its own.
inline constexpr const char* default_retention_type = "*";

/// How long and how many events of one type are kept (either bound may be absent).
struct event_retention_rule {
  std::string type;                             ///< An event type, or "*" (the default).
  std::optional<std::int64_t> max_age_seconds;  ///< Delete events older than this.
  std::optional<std::int64_t> max_count;        ///< Keep at most this many (the newest).
  std::int64_t updated_at = 0;                  ///< When it was stored (ms; set by the store).
};

/// Stores (inserts or replaces) a retention rule. Result: nothing.
struct put_event_retention_op {
  event_retention_rule rule;  ///< The rule; updated_at is the store's clock.
};

/// Removes the retention rule of a type; not_found when it has none. Result: nothing.
struct delete_event_retention_op {
  std::string type;  ///< The type (or "*").
};

/// How many events of one type and source have a timestamp in one bucket of a window.
using event_count = runtime::metrics::event_count;

/// A delete_events_op bound on `timestamp` that keeps no event by age (year 9999).
inline constexpr std::int64_t no_age_bound_ms = 253402300799999;

}  // namespace auraos::persistence
