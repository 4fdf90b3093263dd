#pragma once
// Counters and a latency histogram of the store actor's group commits.

#include <array>
#include <chrono>
#include <cstdint>
#include <vector>

namespace auraos::actors::store {

/// Raw numbers of the store actor's commits, ready to export as a Prometheus histogram.
struct commit_stats {
  /// Upper bounds of the latency buckets, in microseconds (the +Inf bucket is implicit).
  static constexpr std::array<std::int64_t, 12> bucket_bounds_us{
      100, 250, 500, 1'000, 2'500, 5'000, 10'000, 25'000, 50'000, 100'000, 250'000, 1'000'000};

  std::uint64_t commits = 0;         ///< Transactions committed (or attempted).
  std::uint64_t failed_commits = 0;  ///< Transactions that failed as a whole.
  std::uint64_t requests = 0;        ///< Write requests carried by those transactions.
  std::int64_t latency_sum_us = 0;   ///< Sum of all commit latencies.
  /// Non-cumulative counts per bucket; the last entry counts latencies above every bound.
  std::vector<std::uint64_t> bucket_counts =
      std::vector<std::uint64_t>(bucket_bounds_us.size() + 1);

  /// Records one transaction that carried `batch_size` requests and took `latency`.
  void record(std::size_t batch_size, std::chrono::microseconds latency, bool ok);
};

}  // namespace auraos::actors::store
