#pragma once
// The write operations of tasks, their runs, logs and schedules. Writes of runs carry the lease
// of their queue's shard when the node is part of a cluster.

#include <optional>
#include <string>
#include <vector>

#include "persistence/history_record.hpp"
#include "persistence/task_record.hpp"

namespace auraos::persistence {

/// How a put_task_op treats an existing task of the same id.
enum class task_put_mode {
  create,  ///< Conflict when the id exists.
  update,  ///< not_found when the id does not exist.
};

/// Stores a task definition (the store stamps created_at and updated_at).
/// Result: the stored task_record.
struct put_task_op {
  task_record task;                          ///< What to store.
  task_put_mode mode = task_put_mode::create;  ///< Create or replace.
};

/// Deletes a task with its schedule, runs and their logs: not_found when absent, conflict
/// when a run of it is queued, running or retrying.
struct delete_task_op {
  std::string id;  ///< The task.
};

/// Creates runs together. A run whose (task_id, idempotency_key) was used before (also earlier
/// in the same op) is not created: the stored one is returned instead. An empty id gets a
/// random UUID; an id that is no UUID is invalid, a task that does not exist not_found.
/// Result: created_task_runs.
struct create_task_runs_op {
  std::vector<task_run_record> runs;          ///< queued_at stamped by the store when 0.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
};

/// Replaces every mutable field of a stored run: status, output, error, attempts, priority,
/// started_at, completed_at, next_attempt_at, resource_allocation, worker, lease_id,
/// lease_expires_at, depends_on and schedule_time (not the ids: id, task_id, batch_id, retry_of,
/// execution_id, node_id; nor input, queue, shard, queued_at or the idempotency key).
/// not_found when absent.
struct update_task_run_op {
  task_run_record run;                        ///< The run as it is now.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
};

/// Appends log lines to a run (numbered on from its last line by the store; a line whose `at`
/// is 0 gets the store's clock). not_found when the run does not exist.
struct append_task_log_op {
  std::string run_id;                ///< The run.
  std::vector<task_log_line> lines;  ///< Their seq is set by the store.
};

/// Stores (creates or replaces) a task's schedule; not_found when the task does not exist.
/// Replacing keeps created_at. Result: the stored task_schedule_record.
struct put_task_schedule_op {
  task_schedule_record schedule;  ///< What to store.
};

/// Deletes a task's schedule (not_found when it has none).
struct delete_task_schedule_op {
  std::string task_id;  ///< The task.
};

/// Stores the scheduler's state of a schedule; ignored when the schedule does not exist.
struct put_schedule_state_op {
  std::string task_id;  ///< The task.
  std::string state;    ///< JSON text.
  std::optional<fence> lease = std::nullopt;  ///< When present, rejected unless current.
};

/// The result of a create_task_runs_op: per run in order, the stored run and whether it existed.
struct created_task_runs {
  std::vector<task_run_record> runs;  ///< As stored.
  std::vector<bool> existing;         ///< True where an idempotency key returned an older run.
};

}  // namespace auraos::persistence
