#pragma once
// `inspect` overloads of the stored tasks, runs, log lines and schedules and of their write
// ops, so that the store actor's task writes and their results may cross a node (found by ADL).

#include <caf/meta/type_name.hpp>

#include "actors/wire.hpp"
#include "persistence/task_ops.hpp"

namespace auraos::persistence {

/// Inspects a stored task definition.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_record& x) {
  actors::wire::optional_field<std::string> secrets{x.secrets};
  return f(caf::meta::type_name("task_record"), x.id, x.name, x.description, x.type, x.queue,
           x.priority, x.definition, x.tags, x.created_at, x.updated_at, secrets);
}

/// Inspects a task filter.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_filter& x) {
  actors::wire::optional_field<std::string> type{x.type};
  actors::wire::optional_field<std::string> tag{x.tag};
  return f(caf::meta::type_name("task_filter"), type, tag);
}

/// Inspects a stored run.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_run_record& x) {
  using actors::wire::optional_field;
  optional_field<std::string> output{x.output};
  optional_field<std::string> error{x.error};
  optional_field<std::int64_t> started{x.started_at};
  optional_field<std::int64_t> completed{x.completed_at};
  optional_field<std::int64_t> next{x.next_attempt_at};
  optional_field<std::string> resources{x.resource_allocation};
  optional_field<std::string> worker{x.worker};
  optional_field<std::string> lease{x.lease_id};
  optional_field<std::int64_t> lease_ends{x.lease_expires_at};
  optional_field<std::string> key{x.idempotency_key};
  optional_field<std::string> batch{x.batch_id};
  optional_field<std::string> retry_of{x.retry_of};
  optional_field<std::string> execution{x.execution_id};
  optional_field<std::int64_t> schedule_time{x.schedule_time};
  return f(caf::meta::type_name("task_run_record"), x.id, x.task_id, x.status, x.input, output,
           error, x.attempts, x.priority, x.queue, x.shard, x.queued_at, started, completed, next,
           resources, worker, lease, lease_ends, key, batch, x.depends_on, retry_of, execution,
           x.node_id, schedule_time);
}

/// Inspects a run filter.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_run_filter& x) {
  actors::wire::optional_field<std::string> task{x.task_id};
  actors::wire::optional_field<std::string> status{x.status};
  return f(caf::meta::type_name("task_run_filter"), task, status);
}

/// Inspects a log line.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_log_line& x) {
  return f(caf::meta::type_name("task_log_line"), x.seq, x.at, x.stream, x.text);
}

/// Inspects a task's figures.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_run_figures& x) {
  return f(caf::meta::type_name("task_run_figures"), x.counts, x.durations_ms, x.queue_waits_ms);
}

/// Inspects a stored schedule.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_schedule_record& x) {
  return f(caf::meta::type_name("task_schedule_record"), x.task_id, x.spec, x.state, x.created_at,
           x.updated_at);
}

/// Inspects a task write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_task_op& x) {
  return f(caf::meta::type_name("put_task_op"), x.task, x.mode);
}

/// Inspects a task delete.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_task_op& x) {
  return f(caf::meta::type_name("delete_task_op"), x.id);
}

/// Inspects a run creation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, create_task_runs_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("create_task_runs_op"), x.runs, lease);
}

/// Inspects a run update.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, update_task_run_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("update_task_run_op"), x.run, lease);
}

/// Inspects a log append.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, append_task_log_op& x) {
  return f(caf::meta::type_name("append_task_log_op"), x.run_id, x.lines);
}

/// Inspects a schedule write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_task_schedule_op& x) {
  return f(caf::meta::type_name("put_task_schedule_op"), x.schedule);
}

/// Inspects a schedule delete.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_task_schedule_op& x) {
  return f(caf::meta::type_name("delete_task_schedule_op"), x.task_id);
}

/// Inspects a scheduler state write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_schedule_state_op& x) {
  actors::wire::optional_field<fence> lease{x.lease};
  return f(caf::meta::type_name("put_schedule_state_op"), x.task_id, x.state, lease);
}

/// Inspects created runs.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, created_task_runs& x) {
  return f(caf::meta::type_name("created_task_runs"), x.runs, x.existing);
}

}  // namespace auraos::persistence
