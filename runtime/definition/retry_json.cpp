#include "runtime/definition/retry_json.hpp"

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace auraos::runtime::definition {

nlohmann::json retry_policy_json(const retry_policy& policy) {
  return {{"maxAttempts", policy.max_attempts},
          {"initialIntervalSeconds", number_json(policy.initial_interval_seconds)},
          {"backoffRate", number_json(policy.backoff_rate)},
          {"maxIntervalSeconds", number_json(policy.max_interval_seconds)},
          {"jitter", policy.jitter == jitter_mode::full ? "full" : "none"},
          {"retryOn", policy.retry_on},
          {"nonRetryable", policy.non_retryable}};
}

nlohmann::json number_json(double number) {
  if (std::trunc(number) != number || std::fabs(number) > 9.0e15) return number;
  return static_cast<std::int64_t>(number);
}

}  // namespace auraos::runtime::definition
