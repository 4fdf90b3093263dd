#pragma once
// Cutting a stretch of time into spans of one UTC offset and applying the daylight saving time
// rules of docs/schedules.md to each (internal).

#include <cstdint>
#include <functional>

#include "runtime/schedule/cron_expression.hpp"

namespace date {
class time_zone;
}

namespace auraos::runtime::schedule {

/// Instants (seconds since the epoch) that share one UTC offset, and what may fire in them.
struct zone_span {
  /// First instant of the span inside the search.
  std::int64_t begin = 0;
  /// End of the span inside the search (exclusive).
  std::int64_t end = 0;
  /// Local time minus UTC, in seconds.
  std::int64_t offset = 0;
  /// First local time that may fire: later than `begin + offset` when a fixed hour already
  /// fired in the first pass of a repeated hour.
  std::int64_t local_from = 0;
  /// A fixed local time skipped by the gap just before the span fires at `begin`.
  bool gap_fire = false;
};

/// Calls `visit` for each span covering [from, until) in order, until it returns false.
void walk_zone_spans(const cron_expression& expr, const date::time_zone& zone, std::int64_t from,
                     std::int64_t until, const std::function<bool(const zone_span&)>& visit);

}  // namespace auraos::runtime::schedule
