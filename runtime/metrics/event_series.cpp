// Sums the store's event counts into the buckets of a window.
#include "runtime/metrics/event_series.hpp"

namespace auraos::runtime::metrics {

event_series bucket_event_counts(const series_window& window, const std::vector<event_count>& rows) {
  event_series out;
  auto buckets = window.buckets();
  out.buckets.resize(static_cast<std::size_t>(buckets > 0 ? buckets : 0));
  for (std::size_t i = 0; i < out.buckets.size(); ++i)
    out.buckets[i].start_ms = window.from_ms + static_cast<std::int64_t>(i) * window.interval_ms;
  for (const auto& row : rows) {
    if (row.bucket < 0 || row.bucket >= buckets) continue;
    auto& b = out.buckets[static_cast<std::size_t>(row.bucket)];
    b.total += row.count;
    b.by_type[row.type] += row.count;
    b.by_source[row.source] += row.count;
    out.total += row.count;
  }
  auto seconds = static_cast<double>(window.to_ms - window.from_ms) / 1000.0;
  out.per_second = seconds > 0 ? static_cast<double>(out.total) / seconds : 0.0;
  return out;
}

}  // namespace auraos::runtime::metrics
