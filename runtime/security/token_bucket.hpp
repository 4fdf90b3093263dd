#pragma once
// A token bucket on the local monotonic clock: the rate limit of one caller. Time is passed in,
// so tests move a simulated clock.

#include <chrono>
#include <cstdint>
#include <optional>

namespace auraos::runtime::security {

/// A point on this node's monotonic clock.
using steady_time = std::chrono::steady_clock::time_point;

/// The answer to a request for tokens: allowed, or how long until it would be.
struct bucket_answer {
  bool allowed = false;              ///< True when the tokens were taken.
  std::chrono::nanoseconds wait{0};  ///< Until the request would be allowed (0 if allowed).
  bool never = false;                ///< True when no wait helps (more than the capacity).

  /// The wait in whole seconds, rounded up, at least 1 when refused (a Retry-After value);
  /// 0 when allowed.
  std::int64_t retry_after_seconds() const;
};

/// Holds up to `capacity` tokens, refilled at `refill_per_second`; starts full.
class token_bucket {
 public:
  /// A full bucket; negative arguments count as 0.
  token_bucket(double capacity, double refill_per_second);

  /// Takes `n` tokens at `now` if there are that many, else says how long until there are.
  /// Time going backwards refills nothing; a negative `n` counts as 0.
  bucket_answer try_take(steady_time now, double n = 1);

  /// The tokens there are at `now`.
  double available(steady_time now) const;

 private:
  double capacity_;
  double rate_;
  double tokens_;
  std::optional<steady_time> last_;
};

}  // namespace auraos::runtime::security
