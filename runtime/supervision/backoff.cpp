#include "runtime/supervision/backoff.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace auraos::runtime::supervision {

std::chrono::milliseconds backoff_ceiling(const backoff_policy& policy, std::size_t attempt) {
  auto ceiling = std::min(policy.base, policy.cap);
  for (std::size_t n = 1; n < attempt && ceiling < policy.cap && ceiling.count() > 0; ++n)
    ceiling = std::min(ceiling * 2, policy.cap);
  return std::max(ceiling, std::chrono::milliseconds{0});
}

std::chrono::milliseconds jittered_delay(const backoff_policy& policy, std::size_t attempt,
                                         double u) {
  auto ceiling = backoff_ceiling(policy, attempt).count();
  auto fraction = std::clamp(std::isfinite(u) ? u : 0.0, 0.0, 1.0);
  auto delay = static_cast<std::chrono::milliseconds::rep>(std::floor(ceiling * fraction));
  return std::chrono::milliseconds{std::min(delay, ceiling)};
}

restart_backoff::restart_backoff(backoff_policy policy, random_source random)
    : policy_(policy), random_(std::move(random)) {}

std::chrono::milliseconds restart_backoff::delay(std::size_t attempt) {
  return jittered_delay(policy_, attempt, random_());
}

}  // namespace auraos::runtime::supervision
