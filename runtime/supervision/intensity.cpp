#include "runtime/supervision/intensity.hpp"

#include <utility>

namespace auraos::runtime::supervision {

restart_intensity::restart_intensity(intensity_limit limit, clock_source clock)
    : limit_(limit), clock_(std::move(clock)) {}

bool restart_intensity::record_restart() {
  auto now = clock_();
  expire(now);
  restarts_.push_back(now);
  return restarts_.size() <= limit_.max_restarts;
}

std::size_t restart_intensity::recent_restarts() {
  expire(clock_());
  return restarts_.size();
}

void restart_intensity::expire(std::chrono::steady_clock::time_point now) {
  while (!restarts_.empty() && now - restarts_.front() >= limit_.period) restarts_.pop_front();
}

}  // namespace auraos::runtime::supervision
