#include "actors/store/store_health.hpp"

#include <algorithm>
#include <utility>

#include "actors/env.hpp"

namespace auraos::actors::store {

store_health::store_health(runtime::supervision::clock_source clock)
    : clock_(clock ? std::move(clock) : steady_source(real_env())) {}

bool store_health::mark_down(std::string reason) {
  reason_ = std::move(reason);
  if (down_since_) return false;
  down_since_ = clock_();
  probe_delay_ = std::chrono::milliseconds{0};
  return true;
}

std::optional<std::chrono::milliseconds> store_health::mark_up() {
  if (!down_since_) return std::nullopt;
  auto lasted = std::chrono::duration_cast<std::chrono::milliseconds>(clock_() - *down_since_);
  down_since_.reset();
  reason_.clear();
  return lasted;
}

std::chrono::milliseconds store_health::next_probe_delay() {
  probe_delay_ = std::clamp(probe_delay_ * 2, first_probe_delay, max_probe_delay);
  return probe_delay_;
}

}  // namespace auraos::actors::store
