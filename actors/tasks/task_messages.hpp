#pragma once
// The requests and replies of the tasks service (the pool) as plain values: what the gateway,
// the scheduler and the executions service exchange with it (docs/tasks.md, "REST"). Local
// only: in a cluster the gateway forwards a call to the node that owns the queue.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <caf/allowed_unsafe_message_type.hpp>

#include "actors/executions/execution_messages.hpp"
#include "persistence/task_ops.hpp"
#include "persistence/task_record.hpp"

namespace auraos::actors::tasks {

/// Why a request was refused (code, sentence, details), as for executions.
using task_failure = executions::execution_failure;

/// A refusal with `code` and `message`, as a failed result of any reply type.
inline auraos::failure<task_failure> refused(errc code, std::string message) {
  return {task_failure{code, std::move(message), {}}};
}

/// Stores a validated definition (`create`: conflict when the id exists; else not_found when
/// it does not); the service checks its dependencies for cycles first.
struct task_put {
  persistence::task_record task;  ///< id, name, description, type, queue, priority, definition, tags.
  bool create = true;             ///< Create or replace.
};

/// Deletes a task (conflict while a run of it is unfinished).
struct task_delete {
  std::string id;  ///< The task.
};

/// Starts a run of a task.
struct run_request {
  std::string task_id;                          ///< The task.
  std::string input = "null";                   ///< JSON text.
  std::optional<std::string> idempotency_key;   ///< Per task: a repeat answers the first run.
  std::optional<std::string> execution_id;      ///< The workflow execution of a `task` node.
  std::string node_id;                          ///< That node.
  std::optional<std::int64_t> schedule_time;    ///< The schedule fire time that started it.
  std::optional<std::string> retry_of;          ///< The run it retries.
};

/// Starts runs together; a run's task dependencies are resolved against the batch's runs.
struct batch_request {
  std::vector<run_request> runs;  ///< In order.
};

/// Cancels a run (`cancel`) or starts a new run retrying it (`retry`).
struct run_control {
  std::string run_id;   ///< The run.
  bool retry = false;   ///< Retry instead of cancel.
};

/// External workers: claims up to `max` runs of `queue`, waiting up to `wait_ms` for one.
struct claim_request {
  std::string queue;      ///< The queue.
  std::string worker_id;  ///< Who claims.
  std::int64_t max = 1;   ///< 1..100.
  std::int64_t wait_ms = 0;  ///< Long poll, 0..60,000.
};

/// One claimed run.
struct claimed_run {
  std::string run_id;     ///< The run.
  std::string task_id;    ///< Its task.
  std::string input;      ///< JSON text.
  std::int64_t attempt = 1;  ///< The attempt now running.
  std::string lease_id;   ///< Quote it in heartbeat, complete and fail.
  std::int64_t lease_expires_at = 0;  ///< ms since the epoch.
};

/// What an external worker says about a claimed run.
enum class lease_verb : std::uint8_t { heartbeat, complete, fail };

/// A heartbeat, completion or failure of an external run under `lease_id`.
struct lease_call {
  std::string run_id;          ///< The run.
  std::string lease_id;        ///< The lease it holds.
  lease_verb verb = lease_verb::heartbeat;  ///< What happened.
  std::string output = "null";  ///< complete: JSON text.
  std::string error_type;      ///< fail: the error's type.
  std::string error_message;   ///< fail: its message.
};

/// One queue as the pool sees it.
struct queue_figures {
  std::string queue;                             ///< Its name.
  std::map<std::int64_t, std::int64_t> waiting;  ///< Waiting runs by base priority.
  std::int64_t delayed = 0;     ///< Runs waiting for a retry time or their dependencies.
  std::int64_t running = 0;     ///< Runs running now.
  std::int64_t claimable = 0;   ///< External runs admitted, waiting for a worker.
  std::map<std::string, double> in_use;  ///< Resources its running runs hold.
};

/// The pool: its capacity and use, and every queue it knows.
struct pool_figures {
  std::map<std::string, double> capacity;  ///< Capacity per resource.
  std::map<std::string, double> in_use;    ///< In use per resource.
  std::int64_t workers = 0;                ///< Concurrent runs allowed.
  std::int64_t running = 0;                ///< Runs running now.
  std::int64_t aging_seconds = 60;         ///< The aging step.
  std::vector<queue_figures> queues;       ///< By name.
};

/// A task, or why there is none.
using task_reply = result<persistence::task_record, task_failure>;
/// A run, or why there is none.
using run_reply = result<persistence::task_run_record, task_failure>;
/// Started runs (`existing` where an idempotency key answered an older run), or why none
/// started.
using started_reply = result<persistence::created_task_runs, task_failure>;
/// Claimed runs (maybe none), or why the claim was refused.
using claim_reply = result<std::vector<claimed_run>, task_failure>;

}  // namespace auraos::actors::tasks

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::task_put)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::task_delete)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::run_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::batch_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::run_control)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::claim_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::lease_call)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::pool_figures)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::task_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::run_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::started_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::claim_reply)
