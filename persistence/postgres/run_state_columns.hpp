#pragma once
// The mutable fields of task runs as array columns (one element per run), shared by the calls
// that create runs and the call that updates many.

#include "persistence/postgres/array_literal.hpp"
#include "persistence/task_record.hpp"

namespace auraos::persistence::postgres {

/// Status, output, error, attempts, priority, times, allocation, worker, lease, dependencies
/// and schedule time of many runs.
struct run_state_columns {
  texts status, depends;
  optional_texts output, error, resources, worker, lease_id;
  integers attempts, priority;
  optional_integers started, completed, next, lease_ends, schedule_time;

  /// Appends `r`'s fields.
  void add(const task_run_record& r) {
    status.push_back(r.status);
    output.push_back(r.output);
    error.push_back(r.error);
    attempts.push_back(r.attempts);
    priority.push_back(r.priority);
    started.push_back(r.started_at);
    completed.push_back(r.completed_at);
    next.push_back(r.next_attempt_at);
    resources.push_back(r.resource_allocation);
    worker.push_back(r.worker);
    lease_id.push_back(r.lease_id);
    lease_ends.push_back(r.lease_expires_at);
    depends.push_back(r.depends_on);
    schedule_time.push_back(r.schedule_time);
  }
};

}  // namespace auraos::persistence::postgres
