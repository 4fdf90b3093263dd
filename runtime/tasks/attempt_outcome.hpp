#pragma once
// What follows the end of a task run's attempt (docs/tasks.md, "Runs"): the run's next status
// and, when it is retried, when its next attempt may start. Pure: time and jitter are arguments.

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/definition/workflow.hpp"

namespace auraos::runtime::tasks {

/// How an attempt ended.
struct attempt_end {
  bool ok = false;          ///< It completed.
  std::string error_type;   ///< Else: the error's type (`timeout`, `exit_code`, `lease_expired`, ...).
  bool retryable = false;   ///< Whether the error may be retried at all.
  int attempt = 1;          ///< Its number, from 1.
};

/// The run's state after the attempt.
struct attempt_outcome {
  std::string status;                          ///< completed, retrying, failed, timed_out or cancelled.
  std::optional<std::int64_t> next_attempt_at;  ///< When retrying: ms since the epoch.
};

/// Decides what follows `end` under `policy` at `now_ms`; `unit` is a uniform [0,1) draw for the
/// policy's jitter. A retryable error with attempts left retries; a last error of type `timeout`
/// ends `timed_out`, `cancelled` ends `cancelled`, any other ends `failed`.
attempt_outcome after_attempt(const runtime::definition::retry_policy& policy,
                              const attempt_end& end, std::int64_t now_ms, double unit);

/// True for the statuses a run never leaves: completed, failed, cancelled, timed_out.
bool is_final_status(const std::string& status);

}  // namespace auraos::runtime::tasks
