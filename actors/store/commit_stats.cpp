#include "actors/store/commit_stats.hpp"

#include <algorithm>

namespace auraos::actors::store {

void commit_stats::record(std::size_t batch_size, std::chrono::microseconds latency, bool ok) {
  ++commits;
  if (!ok) ++failed_commits;
  requests += batch_size;
  latency_sum_us += latency.count();
  auto bucket = std::lower_bound(bucket_bounds_us.begin(), bucket_bounds_us.end(), latency.count());
  ++bucket_counts[static_cast<std::size_t>(bucket - bucket_bounds_us.begin())];
}

}  // namespace auraos::actors::store
