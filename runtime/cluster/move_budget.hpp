#pragma once
// A token bucket of shard moves, so that a flapping node cannot cause storms of hand-overs.

#include <chrono>
#include <cstdint>
#include <optional>

#include "runtime/cluster/local_time.hpp"

namespace auraos::runtime::cluster {

/// Allows at most `burst` moves at once and one more every `interval` (default: 8 per second,
/// burst 8); starts full.
class move_budget {
 public:
  /// A bucket of `burst` moves refilled by one every `interval`.
  explicit move_budget(std::chrono::milliseconds interval = std::chrono::milliseconds(125),
                       std::int64_t burst = 8);

  /// The moves allowed at `now`.
  std::int64_t available(time_point now) const;

  /// Takes up to `wanted` moves at `now`; returns how many were granted.
  std::int64_t take(time_point now, std::int64_t wanted);

 private:
  /// Time credit at `now`: what was left at `last_` plus the time since, at most a full bucket.
  std::chrono::nanoseconds credit_at(time_point now) const;

  std::chrono::nanoseconds interval_;
  std::chrono::nanoseconds capacity_;
  std::chrono::nanoseconds credit_;
  std::optional<time_point> last_;
};

}  // namespace auraos::runtime::cluster
