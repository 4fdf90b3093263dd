#pragma once
// The retry policy rules (spec "Retry policy") as plain functions.

#include <cstdint>

#include "runtime/definition/workflow.hpp"
#include "runtime/engine/state.hpp"

namespace auraos::runtime::engine {

/// True when `policy` lets attempt `attempt` that failed with `error` be tried again.
bool should_retry(const runtime::definition::retry_policy& policy, const node_error& error,
                  int attempt);

/// Wait before attempt `next` (≥ 2) in ms: min(initial * rate^(next-2), max), times `unit`
/// (a uniform [0,1) draw) with full jitter.
std::int64_t retry_delay_ms(const runtime::definition::retry_policy& policy, int next, double unit);

/// True when an error type is never retried whatever the policy says
/// (cancelled, definition, expression).
bool is_never_retried(const std::string& type);

}  // namespace auraos::runtime::engine
