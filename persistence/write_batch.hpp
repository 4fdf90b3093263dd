#pragma once
// Group commit: many requesters' writes, of every concern, applied in one transaction. Each
// concern's store declares its operation kinds (workflow_ops.hpp, execution_ops.hpp,
// timer_ops.hpp, lease_ops.hpp, security_ops.hpp); a new concern (tasks, events) adds its
// NAME_ops.hpp and its kinds to write_op, and its reads in NAME_store.hpp.

#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "persistence/event_ops.hpp"
#include "persistence/event_pattern_ops.hpp"
#include "persistence/execution_ops.hpp"
#include "persistence/lease_ops.hpp"
#include "persistence/secret_ops.hpp"
#include "persistence/security_ops.hpp"
#include "persistence/store_error.hpp"
#include "persistence/task_ops.hpp"
#include "persistence/timer_ops.hpp"
#include "persistence/workflow_ops.hpp"

namespace auraos::persistence {

/// One write operation.
using write_op = std::variant<
    put_workflow_op, delete_workflow_op, create_execution_op, update_execution_op,
    append_history_op, put_snapshot_op, put_timer_op, delete_timer_op, acquire_shard_op,
    set_workflow_status_op, create_workflow_op, publish_events_op, delete_events_op,
    put_event_cursor_op, put_event_pattern_op, delete_event_pattern_op, put_pattern_state_op,
    put_event_retention_op, delete_event_retention_op, put_task_op, delete_task_op,
    create_task_runs_op, update_task_run_op, append_task_log_op, put_task_schedule_op,
    delete_task_schedule_op, put_schedule_state_op, create_user_op, update_user_op, delete_user_op,
    put_role_op, delete_role_op, create_api_token_op, revoke_api_token_op, touch_api_token_op,
    create_refresh_token_op, revoke_refresh_token_op, rotate_refresh_token_op, revoke_token_op,
    prune_revocations_op, append_audit_op, prune_audit_op, reseal_op>;

/// The fence an operation carries (every write of an execution has one), if any.
inline std::optional<fence> lease_of(const write_op& op) {
  return std::visit(
      [](const auto& one) -> std::optional<fence> {
        if constexpr (requires { one.lease; })
          return one.lease;
        else
          return std::nullopt;
      },
      op);
}

/// What one operation produced: nothing, a workflow, an execution, a lease, stored events, a
/// delete count, a stored pattern rule, a stored task, created task runs, a stored schedule, a
/// stored user, role, API token, refresh token or revocation, or a prune count.
using op_result =
    std::variant<std::monostate, workflow_record, created_execution, shard_lease, published_events,
                 deleted_events, event_pattern_record, task_record, created_task_runs,
                 task_schedule_record, user_record, role_record, api_token_record,
                 refresh_token_record, revocation_record, pruned_rows>;

/// The result of a create_execution_op (built in place: GCC 12 warns about a temporary).
inline op_result created_result(execution_record execution, bool existing) {
  op_result out{std::in_place_type<created_execution>};
  auto& created = std::get<created_execution>(out);
  created.execution = std::move(execution);
  created.existing = existing;
  return out;
}

/// One requester's operations: applied all together or not at all.
struct write_request {
  std::vector<write_op> ops;  ///< In order.
  /// While the database is unavailable, keep the request and retry it until it is stored
  /// (runtime writes) instead of answering `unavailable` at once (API writes).
  bool wait_for_database = false;
};

/// The outcome of one write_request: a result per operation, or why it was rejected.
using write_outcome = store_result<std::vector<op_result>>;

/// Many requests committed in one transaction; one request's rejection leaves the others.
struct write_batch {
  std::vector<write_request> requests;  ///< In order.
};

}  // namespace auraos::persistence
