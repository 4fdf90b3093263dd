#pragma once
// Applies write operations inside the current SQLite transaction.

#include "persistence/clock.hpp"
#include "persistence/sqlite/query_cache.hpp"
#include "persistence/write_batch.hpp"

namespace auraos::persistence::sqlite {

/// Carries out one write_op with the named queries; the caller owns the transaction.
class writer {
 public:
  /// Uses `queries` and stamps times from `clock`.
  writer(query_cache& queries, clock_fn clock) : queries_(queries), clock_(std::move(clock)) {}

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
  store_result<op_result> put(const workflow_draft& draft, bool create_only);
  /// Fenced unless `lease` is absent or current; the message names "WHAT 'ID'".
  store_status check_fence(const std::optional<fence>& lease, const char* what,
                           const std::string& id);
  store_status check_next_seq(const append_history_op& op);
  store_status store_tags(const workflow_record& workflow);

  query_cache& queries_;
  clock_fn clock_;
};

}  // namespace auraos::persistence::sqlite
