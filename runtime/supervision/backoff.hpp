#pragma once
// Restart backoff: exponential growth with full jitter, never above the cap.

#include <chrono>
#include <cstddef>
#include <functional>

namespace auraos::runtime::supervision {

/// A source of uniform numbers in [0, 1); injected so tests are deterministic.
using random_source = std::function<double()>;

/// The shape of restart delays: base * 2^(n-1), capped.
struct backoff_policy {
  /// Ceiling of the first restart's delay.
  std::chrono::milliseconds base{50};
  /// The largest delay ever used.
  std::chrono::milliseconds cap{5000};
};

/// The ceiling of the n-th consecutive restart (n >= 1): min(cap, base * 2^(n-1)).
std::chrono::milliseconds backoff_ceiling(const backoff_policy& policy, std::size_t attempt);

/// The jittered delay of the n-th restart for a uniform draw `u` in [0, 1).
std::chrono::milliseconds jittered_delay(const backoff_policy& policy, std::size_t attempt,
                                         double u);

/// Draws restart delays from a policy and a random source.
class restart_backoff {
 public:
  /// Delays shaped by `policy`, jittered by `random`.
  restart_backoff(backoff_policy policy, random_source random);

  /// The delay before the n-th consecutive restart of a child.
  std::chrono::milliseconds delay(std::size_t attempt);

  /// The configured policy.
  const backoff_policy& policy() const noexcept { return policy_; }

 private:
  backoff_policy policy_;
  random_source random_;
};

}  // namespace auraos::runtime::supervision
