#pragma once
// The executions metrics of the dashboard as plain data: a time window cut into buckets, and
// what started and ended in each (GET /api/v1/executions/metrics).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/result.hpp"

namespace auraos::runtime::metrics {

/// The most buckets one window may have.
inline constexpr std::int64_t max_buckets = 1440;

/// A time window [from_ms, to_ms) cut into buckets of interval_ms (the last may be shorter).
struct series_window {
  std::int64_t from_ms = 0;          ///< Start, ms since the epoch (inclusive).
  std::int64_t to_ms = 0;            ///< End, ms since the epoch (exclusive).
  std::int64_t interval_ms = 60000;  ///< Bucket length.

  /// The number of buckets.
  std::int64_t buckets() const { return (to_ms - from_ms + interval_ms - 1) / interval_ms; }
};

/// Reads a window from the optional `from`, `to` (RFC 3339) and `interval` (whole seconds)
/// texts: defaults to the last hour up to `now_ms` in 60 s buckets (`to` rounded up to the
/// interval when neither time is given); an error sentence naming the parameter when a value
/// is malformed, `from` is not before `to`, or the window has more than max_buckets buckets.
result<series_window, std::string> make_series_window(std::optional<std::string_view> from,
                                                      std::optional<std::string_view> to,
                                                      std::optional<std::string_view> interval,
                                                      std::int64_t now_ms);

/// An execution that ended: when, with which status name, after how long (if it ran).
struct ended_sample {
  std::int64_t at_ms = 0;                   ///< Its completedAt.
  std::string status;                       ///< "completed", "failed", "cancelled", "timed_out".
  std::optional<std::int64_t> duration_ms;  ///< completedAt - startedAt.
};

/// Duration percentiles of the executions that ended in a bucket (none when none did).
struct duration_percentiles {
  std::optional<std::int64_t> p50;  ///< Median.
  std::optional<std::int64_t> p95;  ///< 95th percentile.
  std::optional<std::int64_t> p99;  ///< 99th percentile.
};

/// One bucket of the series.
struct series_bucket {
  std::int64_t start_ms = 0;      ///< Its start.
  std::int64_t started = 0;       ///< Executions that started in it.
  std::int64_t completed = 0;     ///< Executions that completed in it.
  std::int64_t failed = 0;        ///< That failed or timed out in it.
  std::int64_t cancelled = 0;     ///< That were cancelled in it.
  duration_percentiles duration;  ///< Of the ones that ended in it.
};

/// The nearest-rank percentile `q` (0 < q <= 1) of `sorted` values; none when empty.
std::optional<std::int64_t> nearest_rank(const std::vector<std::int64_t>& sorted, double q);

/// Counts and duration percentiles per bucket of `window`; times outside it are ignored.
std::vector<series_bucket> bucket_executions(const series_window& window,
                                             const std::vector<std::int64_t>& started_ms,
                                             const std::vector<ended_sample>& ended);

}  // namespace auraos::runtime::metrics
