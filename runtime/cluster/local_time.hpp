#pragma once
// The local monotonic time the cluster decisions take as input (tests pass explicit values).

#include <chrono>
#include <cstdint>

namespace auraos::runtime::cluster {

/// A point on this node's monotonic clock (`std::chrono::steady_clock`).
using time_point = std::chrono::steady_clock::time_point;

/// The time point `ms` milliseconds after the clock's epoch (for tests and logs).
inline time_point at_ms(std::int64_t ms) {
  return time_point(std::chrono::milliseconds(ms));
}

}  // namespace auraos::runtime::cluster
