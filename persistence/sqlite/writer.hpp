#pragma once
// Applies write operations inside the current SQLite transaction.

#include <set>
#include <string>
#include <utility>

#include "persistence/clock.hpp"
#include "persistence/sqlite/query_cache.hpp"
#include "persistence/write_batch.hpp"

namespace auraos::persistence::sqlite {

/// Carries out one write_op with the named queries; the caller owns the transaction.
class writer {
 public:
  /// Uses `queries`, stamps times from `clock`, stores rows under shard_of(id, `shards`)
  /// unless a fence names their shard.
  writer(query_cache& queries, clock_fn clock, std::int64_t shards)
      : queries_(queries), clock_(std::move(clock)), shards_(shards) {}

  /// Applies one operation; its checks (expected seq, fencing) run before any change.
  store_result<op_result> apply(const write_op& op);

 private:
  store_result<op_result> apply_op(const put_workflow_op& op);
  store_result<op_result> apply_op(const delete_workflow_op& op);
  store_result<op_result> apply_op(const create_execution_op& op);
  store_result<op_result> apply_op(const update_execution_op& op);
  store_result<op_result> apply_op(const append_history_op& op);
  store_result<op_result> apply_op(const put_snapshot_op& op);
  store_result<op_result> apply_op(const put_timer_op& op);
  store_result<op_result> apply_op(const delete_timer_op& op);
  store_result<op_result> apply_op(const acquire_shard_op& op);
  store_result<op_result> apply_op(const set_workflow_status_op& op);
  store_result<op_result> apply_op(const create_workflow_op& op);
  store_result<op_result> apply_op(const publish_events_op& op);
  store_result<op_result> apply_op(const delete_events_op& op);
  store_result<op_result> apply_op(const put_event_cursor_op& op);
  store_result<op_result> apply_op(const put_event_pattern_op& op);
  store_result<op_result> apply_op(const delete_event_pattern_op& op);
  store_result<op_result> apply_op(const put_pattern_state_op& op);
  store_result<op_result> apply_op(const put_event_retention_op& op);
  store_result<op_result> apply_op(const delete_event_retention_op& op);
  store_result<op_result> apply_op(const put_task_op& op);
  store_result<op_result> apply_op(const delete_task_op& op);
  store_result<op_result> apply_op(const create_task_runs_op& op);
  store_result<op_result> apply_op(const update_task_run_op& op);
  store_result<op_result> apply_op(const append_task_log_op& op);
  store_result<op_result> apply_op(const put_task_schedule_op& op);
  store_result<op_result> apply_op(const delete_task_schedule_op& op);
  store_result<op_result> apply_op(const put_schedule_state_op& op);
  store_result<op_result> apply_op(const create_user_op& op);
  store_result<op_result> apply_op(const update_user_op& op);
  store_result<op_result> apply_op(const delete_user_op& op);
  store_result<op_result> apply_op(const put_role_op& op);
  store_result<op_result> apply_op(const delete_role_op& op);
  store_result<op_result> apply_op(const create_api_token_op& op);
  store_result<op_result> apply_op(const revoke_api_token_op& op);
  store_result<op_result> apply_op(const touch_api_token_op& op);
  store_result<op_result> apply_op(const create_refresh_token_op& op);
  store_result<op_result> apply_op(const revoke_refresh_token_op& op);
  store_result<op_result> apply_op(const rotate_refresh_token_op& op);
  store_result<op_result> apply_op(const revoke_token_op& op);
  store_result<op_result> apply_op(const prune_revocations_op& op);
  store_result<op_result> apply_op(const append_audit_op& op);
  store_result<op_result> apply_op(const prune_audit_op& op);
  store_result<op_result> apply_op(const reseal_op& op);
  store_result<op_result> put(const workflow_draft& draft, bool create_only);
  /// Fenced unless `lease` is absent or current (its epoch, not expired); the message names
  /// "WHAT 'ID'".
  store_status check_fence(const std::optional<fence>& lease, const char* what,
                           const std::string& id);
  store_status check_next_seq(const append_history_op& op);
  store_status store_tags(const workflow_record& workflow);
  /// The stored run, or the one an earlier run with its (task, idempotency key) left; whether
  /// it existed. `checked_tasks` holds the task ids known to exist.
  store_result<std::pair<task_run_record, bool>> create_task_run(
      task_run_record run, std::set<std::string>& checked_tasks);

  query_cache& queries_;
  clock_fn clock_;
  std::int64_t shards_;
};

}  // namespace auraos::persistence::sqlite
