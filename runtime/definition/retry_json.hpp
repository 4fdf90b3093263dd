#pragma once
// The JSON form of a retry policy, as definitions write it: reading it back with the retry
// rules gives an equal policy.

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/workflow.hpp"

namespace auraos::runtime::definition {

/// Every field of `policy` spelled out: `{maxAttempts, initialIntervalSeconds, backoffRate,
/// maxIntervalSeconds, jitter, retryOn, nonRetryable}`.
nlohmann::json retry_policy_json(const retry_policy& policy);

/// A number as people write it: 5 rather than 5.0 when whole.
nlohmann::json number_json(double number);

}  // namespace auraos::runtime::definition
