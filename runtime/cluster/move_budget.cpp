#include "runtime/cluster/move_budget.hpp"

#include <algorithm>

namespace auraos::runtime::cluster {

move_budget::move_budget(std::chrono::milliseconds interval, std::int64_t burst)
    : interval_(interval), capacity_(interval * burst), credit_(capacity_) {}

std::chrono::nanoseconds move_budget::credit_at(time_point now) const {
  if (!last_ || now <= *last_) return credit_;
  return std::min(capacity_, credit_ + (now - *last_));
}

std::int64_t move_budget::available(time_point now) const {
  if (interval_.count() <= 0) return 0;
  return credit_at(now) / interval_;
}

std::int64_t move_budget::take(time_point now, std::int64_t wanted) {
  auto granted = std::clamp<std::int64_t>(wanted, 0, available(now));
  credit_ = credit_at(now) - granted * interval_;
  if (!last_ || now > *last_) last_ = now;
  return granted;
}

}  // namespace auraos::runtime::cluster
