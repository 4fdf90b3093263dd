// Retry policies: `settings.retry` and each node's `retry`.

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;

void read_attempts(const scope& at, const json& value, retry_policy& policy) {
  const json* attempts = member(value, "maxAttempts");
  if (!attempts) return;
  bool ok =
      is_integral(*attempts) && attempts->get<double>() >= 1 && attempts->get<double>() <= 100;
  if (expect(at, "maxAttempts", *attempts, ok, "an integer from 1 to 100"))
    policy.max_attempts = static_cast<int>(attempts->get<double>());
}

void read_backoff(const scope& at, const json& value, retry_policy& policy) {
  const json* rate = member(value, "backoffRate");
  if (!rate) return;
  bool ok = rate->is_number() && rate->get<double>() >= 1;
  if (expect(at, "backoffRate", *rate, ok, "a number greater than or equal to 1"))
    policy.backoff_rate = rate->get<double>();
}

void read_intervals(const scope& at, const json& value, retry_policy& policy) {
  auto initial = positive_number(at, value, "initialIntervalSeconds");
  auto max = positive_number(at, value, "maxIntervalSeconds");
  if (initial) policy.initial_interval_seconds = *initial;
  if (max) policy.max_interval_seconds = *max;
  if (max && *max < policy.initial_interval_seconds)
    at.report("maxIntervalSeconds", "must be greater than or equal to initialIntervalSeconds (" +
                                        json(policy.initial_interval_seconds).dump() + ")");
}

}  // namespace

std::optional<retry_policy> read_retry_policy(const scope& at, const json& value) {
  if (!expect(at, "", value, value.is_object(), "an object")) return std::nullopt;
  check_known_fields(at, value,
                     {"maxAttempts", "initialIntervalSeconds", "backoffRate", "maxIntervalSeconds",
                      "jitter", "retryOn", "nonRetryable"});
  retry_policy policy;
  read_attempts(at, value, policy);
  read_backoff(at, value, policy);
  read_intervals(at, value, policy);
  if (auto jitter = one_of(at, value, "jitter", {"full", "none"}))
    policy.jitter = *jitter == "full" ? jitter_mode::full : jitter_mode::none;
  if (auto retry_on = string_list(at, value, "retryOn")) policy.retry_on = *retry_on;
  if (auto never = string_list(at, value, "nonRetryable")) policy.non_retryable = *never;
  return policy;
}

}  // namespace auraos::runtime::definition
