#pragma once
// The reads of stored tasks, their runs, logs and schedules; writes are the task_ops through
// `commit`.

#include <string>
#include <vector>

#include "persistence/batch_store.hpp"
#include "persistence/task_record.hpp"

namespace auraos::persistence {

/// Stored tasks, runs, run logs and schedules.
class task_store : public virtual batch_store {
 public:
  /// One task by id (not_found names the id).
  virtual store_result<task_record> get_task(const std::string& id) = 0;
  /// Tasks in creation order (created_at, id); keyset cursors as for workflows.
  virtual store_result<page<task_record>> list_tasks(const task_filter& filter,
                                                     const page_request& page) = 0;
  /// One run by id (not_found names the id).
  virtual store_result<task_run_record> get_task_run(const std::string& id) = 0;
  /// Runs in queueing order (queued_at, id); keyset cursors as for workflows.
  virtual store_result<page<task_run_record>> list_task_runs(const task_run_filter& filter,
                                                             const page_request& page) = 0;
  /// Every queued, running or retrying run of the given shards (none given: of all shards),
  /// in queueing order (for recovery).
  virtual store_result<std::vector<task_run_record>> unfinished_task_runs(
      const std::vector<std::int64_t>& shards = {}) = 0;
  /// A run's log lines with seq > after_seq, in order; at most `limit` (0: all).
  virtual store_result<std::vector<task_log_line>> task_run_logs(const std::string& run_id,
                                                                 std::int64_t after_seq = 0,
                                                                 std::int64_t limit = 0) = 0;
  /// Counts by status and the newest durations and queue waits of one task's runs.
  virtual store_result<task_run_figures> task_figures(const std::string& task_id) = 0;
  /// One task's schedule (not_found when it has none).
  virtual store_result<task_schedule_record> get_task_schedule(const std::string& task_id) = 0;
  /// Every stored schedule.
  virtual store_result<std::vector<task_schedule_record>> task_schedules() = 0;
};

}  // namespace auraos::persistence
