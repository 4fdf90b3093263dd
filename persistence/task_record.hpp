#pragma once
// Stored task definitions (the seed's `tasks` table), their runs (`task_executions`), the runs'
// log lines and the tasks' schedules (docs/tasks.md, "Storage").

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "persistence/execution_record.hpp"

namespace auraos::persistence {

/// One stored task definition.
struct task_record {
  std::string id;                 ///< The task's id, chosen by the caller.
  std::string name;               ///< Its name.
  std::string description;        ///< Free text.
  std::string type;               ///< shell, http, transform, subworkflow or external.
  std::string queue;              ///< The queue its runs wait in.
  std::int64_t priority = 0;      ///< Base priority of its runs.
  std::string definition;         ///< The whole canonical definition as JSON text.
  std::vector<std::string> tags;  ///< Filterable labels.
  std::int64_t created_at = 0;    ///< ms since the epoch (stamped by the store on creation).
  std::int64_t updated_at = 0;    ///< ms since the epoch (stamped by the store on each put).
  /// The secret config values as one sealed text (runtime/crypto/secret_box.hpp) of the JSON
  /// object {path: value}; `definition` holds "***" in their place. None: no secret.
  std::optional<std::string> secrets = std::nullopt;
};

/// Which tasks a list returns; empty fields match everything.
struct task_filter {
  std::optional<std::string> type;  ///< Of this type.
  std::optional<std::string> tag;   ///< Having this tag.
};

/// One run of a task (a row of `task_executions`).
struct task_run_record {
  std::string id;                 ///< The run's id (a UUID).
  std::string task_id;            ///< Its task.
  std::string status = "queued";  ///< queued, running, retrying, completed, failed, cancelled, timed_out.
  std::string input = "null";     ///< JSON text.
  std::optional<std::string> output;  ///< JSON text, once completed.
  std::optional<std::string> error;   ///< JSON text {"type", "message"} of the last failure.
  std::int64_t attempts = 0;      ///< Attempts started so far.
  std::int64_t priority = 0;      ///< Base priority (the task's at enqueue time).
  std::string queue = "default";  ///< Its queue.
  std::int64_t shard = 0;         ///< The shard of its queue (its owner runs it).
  std::int64_t queued_at = 0;     ///< ms since the epoch (stamped by the store when 0).
  std::optional<std::int64_t> started_at;    ///< First start of its last attempt.
  std::optional<std::int64_t> completed_at;  ///< When it ended.
  std::optional<std::int64_t> next_attempt_at;  ///< While retrying: when the next attempt may start.
  std::optional<std::string> resource_allocation;  ///< JSON text of what its attempt holds.
  std::optional<std::string> worker;      ///< The node or external worker running it.
  std::optional<std::string> lease_id;    ///< External runs: the current lease.
  std::optional<std::int64_t> lease_expires_at;  ///< External runs: when that lease ends.
  std::optional<std::string> idempotency_key;  ///< Per task: a repeated key returns this run.
  std::optional<std::string> batch_id;    ///< The batch it was started in.
  std::string depends_on = "[]";          ///< JSON [{"runId", "condition"}] inside its batch.
  std::optional<std::string> retry_of;    ///< The run this one retries (POST .../retry).
  std::optional<std::string> execution_id;  ///< The workflow execution whose `task` node started it.
  std::string node_id;                    ///< That node's id.
  std::optional<std::int64_t> schedule_time;  ///< The fire time of the schedule that started it.
};

/// Which runs a list returns, and in which order; empty fields match everything.
struct task_run_filter {
  std::optional<std::string> task_id;  ///< Of this task.
  std::optional<std::string> status;   ///< In this status.
  /// (queued_at, id) ascending (queueing order) or descending (newest first).
  list_order order = list_order::oldest_first;
};

/// One log line of a run.
struct task_log_line {
  std::int64_t seq = 0;   ///< 1, 2, ... per run (set by the store).
  std::int64_t at = 0;    ///< ms since the epoch.
  std::string stream;     ///< stdout, stderr or system.
  std::string text;       ///< The line.
};

/// The figures of one task's runs, for its metrics.
struct task_run_figures {
  std::map<std::string, std::int64_t> counts;  ///< Runs by status name (absent: none).
  std::vector<std::int64_t> durations_ms;      ///< completed_at - started_at of the newest ended runs (at most 10,000).
  std::vector<std::int64_t> queue_waits_ms;    ///< started_at - queued_at of the newest started runs (at most 10,000).
};

/// A task's stored schedule and its scheduler's state.
struct task_schedule_record {
  std::string task_id;          ///< The task (one schedule per task).
  std::string spec;             ///< The schedule as JSON text (cron/every/at, input, overlap, ...).
  std::string state = "{}";     ///< JSON text written by the scheduler (last fire time handled, ...).
  std::int64_t created_at = 0;  ///< ms since the epoch (stamped by the store on creation).
  std::int64_t updated_at = 0;  ///< ms since the epoch (stamped by the store on each put).
};

}  // namespace auraos::persistence
