#include "runtime/tasks/attempt_outcome.hpp"

#include "runtime/engine/retry.hpp"

namespace auraos::runtime::tasks {

attempt_outcome after_attempt(const runtime::definition::retry_policy& policy,
                              const attempt_end& end, std::int64_t now_ms, double unit) {
  if (end.ok) return {"completed", std::nullopt};
  runtime::engine::node_error error{end.error_type, "", end.retryable, end.attempt, {}};
  if (runtime::engine::should_retry(policy, error, end.attempt))
    return {"retrying", now_ms + runtime::engine::retry_delay_ms(policy, end.attempt + 1, unit)};
  if (end.error_type == "timeout") return {"timed_out", std::nullopt};
  if (end.error_type == "cancelled") return {"cancelled", std::nullopt};
  return {"failed", std::nullopt};
}

bool is_final_status(const std::string& status) {
  return status == "completed" || status == "failed" || status == "cancelled" ||
         status == "timed_out";
}

}  // namespace auraos::runtime::tasks
