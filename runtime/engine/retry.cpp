#include "runtime/engine/retry.hpp"

#include <algorithm>
#include <cmath>

namespace auraos::runtime::engine {
namespace {

/// The names an error answers to in retryOn / nonRetryable lists.
bool matches(const std::vector<std::string>& list, const node_error& error) {
  bool is_4xx = error.type == "http_status" && !error.retryable;
  return std::any_of(list.begin(), list.end(), [&](const std::string& name) {
    return name == error.type || (is_4xx && name == "http_status_4xx");
  });
}

bool listed_or_star(const std::vector<std::string>& list, const node_error& error) {
  return matches(list, error) || std::find(list.begin(), list.end(), "*") != list.end();
}

}  // namespace

bool is_never_retried(const std::string& type) {
  return type == "cancelled" || type == "definition" || type == "expression";
}

bool should_retry(const runtime::definition::retry_policy& policy, const node_error& error,
                  int attempt) {
  if (attempt >= policy.max_attempts || !error.retryable || is_never_retried(error.type))
    return false;
  return listed_or_star(policy.retry_on, error) && !matches(policy.non_retryable, error);
}

std::int64_t retry_delay_ms(const runtime::definition::retry_policy& policy, int next,
                            double unit) {
  double base = policy.initial_interval_seconds * std::pow(policy.backoff_rate, next - 2);
  double capped = std::min(base, policy.max_interval_seconds);
  if (policy.jitter == runtime::definition::jitter_mode::full) capped *= std::clamp(unit, 0.0, 1.0);
  return static_cast<std::int64_t>(std::llround(capped * 1000.0));
}

}  // namespace auraos::runtime::engine
