#pragma once
// Restart intensity: at most `max_restarts` restarts within a sliding `period`.

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>

namespace auraos::runtime::supervision {

/// The time source of supervision decisions; injected so tests move time by hand.
using clock_source = std::function<std::chrono::steady_clock::time_point()>;

/// The limit on restarts within a sliding window (OTP defaults: 1 within 5 s).
struct intensity_limit {
  /// Restarts allowed inside one window.
  std::size_t max_restarts = 1;
  /// Length of the sliding window.
  std::chrono::milliseconds period{5000};
};

/// The node supervisor's default (see docs/supervision.md): a burst of 3 service restarts,
/// so two unrelated faults never end the node, and at most one restart per 10 s sustained.
inline constexpr intensity_limit node_intensity{3, std::chrono::seconds(30)};

/// Counts restarts in a sliding window and says when the limit is exceeded.
class restart_intensity {
 public:
  /// A counter for `limit` that reads time from `clock`.
  restart_intensity(intensity_limit limit, clock_source clock);

  /// Records one restart now; false when it exceeds the limit (escalate instead).
  bool record_restart();

  /// Restarts still inside the window, as of now.
  std::size_t recent_restarts();

  /// The configured limit.
  const intensity_limit& limit() const noexcept { return limit_; }

 private:
  void expire(std::chrono::steady_clock::time_point now);

  intensity_limit limit_;
  clock_source clock_;
  std::deque<std::chrono::steady_clock::time_point> restarts_;
};

}  // namespace auraos::runtime::supervision
