#pragma once
// The store: one interface over the SQLite and PostgreSQL backends.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"
#include "persistence/store_error.hpp"
#include "persistence/workflow_record.hpp"
#include "persistence/write_batch.hpp"

namespace auraos::persistence {

/// Counts of executions by status name ("running", "completed", ...).
using status_counts = std::map<std::string, std::int64_t>;

/// Durable state of workflows and executions. Synchronous: call it from one dedicated thread.
class store {
 public:
  virtual ~store() = default;

  /// Applies every request of the batch in one transaction; one outcome per request.
  virtual store_result<std::vector<write_outcome>> commit(const write_batch& batch) = 0;

  /// The latest revision (or the given one, which stays readable after a delete).
  virtual store_result<workflow_record> get_workflow(const std::string& id,
                                                     std::optional<std::int64_t> revision = {}) = 0;
  /// Live workflows in creation order.
  virtual store_result<page<workflow_record>> list_workflows(const workflow_filter& filter,
                                                             const page_request& page) = 0;
  /// A workflow's revisions in revision order (readable after a delete, like get_workflow).
  virtual store_result<page<workflow_record>> list_workflow_revisions(const std::string& id,
                                                                      const page_request& page) = 0;
  /// One execution.
  virtual store_result<execution_record> get_execution(const std::string& id) = 0;
  /// Executions in creation order.
  virtual store_result<page<execution_record>> list_executions(const execution_filter& filter,
                                                               const page_request& page) = 0;
  /// How many executions have each status, by status name (statuses with none are absent).
  virtual store_result<status_counts> count_executions_by_status() = 0;
  /// Every pending, running or paused execution, in creation order (for recovery).
  virtual store_result<std::vector<execution_record>> unfinished_executions() = 0;
  /// History records with seq > after_seq, in seq order; at most `limit` of them (0: all).
  virtual store_result<std::vector<history_event>> read_history(const std::string& execution_id,
                                                                std::int64_t after_seq = 0,
                                                                std::int64_t limit = 0) = 0;
  /// The snapshot with the highest seq, if any.
  virtual store_result<std::optional<snapshot_record>> latest_snapshot(
      const std::string& execution_id) = 0;
  /// Timers with deadline <= now_ms, earliest first.
  virtual store_result<std::vector<timer_record>> due_timers(std::int64_t now_ms,
                                                             std::int64_t limit) = 0;
  /// The earliest deadline of any timer, if any.
  virtual store_result<std::optional<std::int64_t>> next_timer_deadline() = 0;
  /// The current lease of a shard.
  virtual store_result<shard_lease> get_shard_lease(std::int64_t shard) = 0;
  /// Ok when the database would take a write now (readiness probe): takes the write locks
  /// briefly and writes nothing; a locked or busy database answers unavailable.
  virtual store_status ping() = 0;

  /// Creates a workflow or stores its next revision.
  store_result<workflow_record> put_workflow(workflow_draft draft);
  /// Moves a live workflow to another status; answers its latest revision.
  store_result<workflow_record> set_workflow_status(const std::string& id, workflow_status status);
  /// Deletes a workflow; its revisions stay readable by revision number.
  store_status delete_workflow(const std::string& id);
  /// Creates an execution, or returns the first one with the same idempotency key.
  store_result<created_execution> create_execution(execution_record execution);
  /// Changes an execution's mutable fields.
  store_status update_execution(execution_update update);
  /// Appends history records if the history's next seq is expected_next_seq.
  store_status append(append_history_op op);
  /// Stores a snapshot.
  store_status put_snapshot(snapshot_record snapshot);
  /// Creates or moves a timer.
  store_status put_timer(timer_record timer);
  /// Removes a timer.
  store_status delete_timer(const std::string& execution_id, const std::string& timer_id);
  /// Takes a shard and bumps its epoch.
  store_result<shard_lease> acquire_shard(std::int64_t shard, const std::string& owner);

 private:
  store_result<op_result> commit_one(write_op op);
};

}  // namespace auraos::persistence
