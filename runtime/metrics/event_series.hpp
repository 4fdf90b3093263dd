#pragma once
// The event metrics as plain data: stored event counts per bucket, type and source of a time
// window, summed into the buckets of GET /api/v1/events/metrics.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "runtime/metrics/execution_series.hpp"

namespace auraos::runtime::metrics {

/// How many events of one type and source have a timestamp in one bucket of a window (the
/// store aggregates these rows in SQL).
struct event_count {
  std::int64_t bucket = 0;  ///< The bucket's index (0: the one starting at the window's start).
  std::string type;         ///< The events' type.
  std::string source;       ///< The events' source.
  std::int64_t count = 0;   ///< How many.
};

/// One bucket of the event series.
struct event_bucket {
  std::int64_t start_ms = 0;                    ///< Its start.
  std::int64_t total = 0;                       ///< Events in it.
  std::map<std::string, std::int64_t> by_type;    ///< Events in it per type.
  std::map<std::string, std::int64_t> by_source;  ///< Events in it per source.
};

/// The buckets of a window and the rate over it.
struct event_series {
  std::vector<event_bucket> buckets;  ///< One per bucket of the window, in time order.
  std::int64_t total = 0;             ///< Events in the window.
  double per_second = 0;              ///< total / the window's length in seconds.
};

/// Sums `rows` into every bucket of `window` (empty buckets included); rows of a bucket index
/// outside the window are ignored.
event_series bucket_event_counts(const series_window& window, const std::vector<event_count>& rows);

}  // namespace auraos::runtime::metrics
