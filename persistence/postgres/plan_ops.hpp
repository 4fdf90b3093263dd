#pragma once
// The planner of each write operation kind (see plan.hpp).

#include "persistence/postgres/plan.hpp"

namespace auraos::persistence::postgres {

/// Plans a put_workflow_op.
store_result<planned_op> plan_op(const put_workflow_op& op, const clock_fn& clock);
/// Plans a create_workflow_op (conflict in the database when the id is live).
store_result<planned_op> plan_op(const create_workflow_op& op, const clock_fn& clock);
/// Plans a delete_workflow_op.
store_result<planned_op> plan_op(const delete_workflow_op& op, const clock_fn& clock);
/// Plans a create_execution_op; its row's shard is the fence's or shard_of(id, `shards`).
store_result<planned_op> plan_op(const create_execution_op& op, const clock_fn& clock,
                                 std::int64_t shards);
/// Plans an update_execution_op.
store_result<planned_op> plan_op(const update_execution_op& op, const clock_fn& clock);
/// Plans an append_history_op: one call that checks and inserts every event.
store_result<planned_op> plan_op(const append_history_op& op, const clock_fn& clock);
/// Plans a put_snapshot_op.
store_result<planned_op> plan_op(const put_snapshot_op& op, const clock_fn& clock);
/// Plans a put_timer_op; its row's shard is the fence's or shard_of(execution, `shards`).
store_result<planned_op> plan_op(const put_timer_op& op, const clock_fn& clock,
                                 std::int64_t shards);
/// Plans a delete_timer_op.
store_result<planned_op> plan_op(const delete_timer_op& op, const clock_fn& clock);
/// Plans a set_workflow_status_op.
store_result<planned_op> plan_op(const set_workflow_status_op& op, const clock_fn& clock);
/// Plans an acquire_shard_op.
store_result<planned_op> plan_op(const acquire_shard_op& op, const clock_fn& clock);
/// Plans a publish_events_op: one call that stores every new event and returns all of them.
store_result<planned_op> plan_op(const publish_events_op& op, const clock_fn& clock);
/// Plans a delete_events_op.
store_result<planned_op> plan_op(const delete_events_op& op, const clock_fn& clock);
/// Plans a put_event_cursor_op.
store_result<planned_op> plan_op(const put_event_cursor_op& op, const clock_fn& clock);
/// Plans a put_event_pattern_op (an existing id on create is a conflict, a missing one on
/// update not found, both in the database).
store_result<planned_op> plan_op(const put_event_pattern_op& op, const clock_fn& clock);
/// Plans a delete_event_pattern_op (not found in the database).
store_result<planned_op> plan_op(const delete_event_pattern_op& op, const clock_fn& clock);
/// Plans a put_pattern_state_op.
store_result<planned_op> plan_op(const put_pattern_state_op& op, const clock_fn& clock);
/// Plans a put_event_retention_op.
store_result<planned_op> plan_op(const put_event_retention_op& op, const clock_fn& clock);
/// Plans a delete_event_retention_op (not_found when the type has no rule).
store_result<planned_op> plan_op(const delete_event_retention_op& op, const clock_fn& clock);
/// Plans a put_task_op (an existing id on create is a conflict, a missing one on update not
/// found, both in the database).
store_result<planned_op> plan_op(const put_task_op& op, const clock_fn& clock);
/// Plans a delete_task_op (not found and unfinished runs checked in the database).
store_result<planned_op> plan_op(const delete_task_op& op, const clock_fn& clock);
/// Plans a create_task_runs_op: one set-based call for every run of the op.
store_result<planned_op> plan_op(const create_task_runs_op& op, const clock_fn& clock);
/// Plans an update_task_run_op (a run id that is no UUID is not found).
store_result<planned_op> plan_op(const update_task_run_op& op, const clock_fn& clock);
/// Plans an append_task_log_op: one call that numbers and stores every line.
store_result<planned_op> plan_op(const append_task_log_op& op, const clock_fn& clock);
/// Plans a put_task_schedule_op (a missing task is not found in the database).
store_result<planned_op> plan_op(const put_task_schedule_op& op, const clock_fn& clock);
/// Plans a delete_task_schedule_op (not found in the database).
store_result<planned_op> plan_op(const delete_task_schedule_op& op, const clock_fn& clock);
/// Plans a put_schedule_state_op.
store_result<planned_op> plan_op(const put_schedule_state_op& op, const clock_fn& clock);

/// Plans a create_user_op (a taken id or username is a conflict in the database).
store_result<planned_op> plan_op(const create_user_op& op, const clock_fn& clock);
/// Plans an update_user_op (not found in the database; an id that is no UUID here).
store_result<planned_op> plan_op(const update_user_op& op, const clock_fn& clock);
/// Plans a delete_user_op (not found in the database; an id that is no UUID here).
store_result<planned_op> plan_op(const delete_user_op& op, const clock_fn& clock);
/// Plans a put_role_op.
store_result<planned_op> plan_op(const put_role_op& op, const clock_fn& clock);
/// Plans a delete_role_op (not found in the database).
store_result<planned_op> plan_op(const delete_role_op& op, const clock_fn& clock);
/// Plans a create_api_token_op (a taken id or hash is a conflict, a missing user not found).
store_result<planned_op> plan_op(const create_api_token_op& op, const clock_fn& clock);
/// Plans a revoke_api_token_op (not found in the database).
store_result<planned_op> plan_op(const revoke_api_token_op& op, const clock_fn& clock);
/// Plans a touch_api_token_op (not found in the database).
store_result<planned_op> plan_op(const touch_api_token_op& op, const clock_fn& clock);
/// Plans a create_refresh_token_op (as create_api_token_op).
store_result<planned_op> plan_op(const create_refresh_token_op& op, const clock_fn& clock);
/// Plans a revoke_refresh_token_op (not found in the database).
store_result<planned_op> plan_op(const revoke_refresh_token_op& op, const clock_fn& clock);
/// Plans a rotate_refresh_token_op: one call that checks, creates and revokes.
store_result<planned_op> plan_op(const rotate_refresh_token_op& op, const clock_fn& clock);
/// Plans a revoke_token_op (its seq from the counter the call locks).
store_result<planned_op> plan_op(const revoke_token_op& op, const clock_fn& clock);
/// Plans a prune_revocations_op.
store_result<planned_op> plan_op(const prune_revocations_op& op, const clock_fn& clock);
/// Plans an append_audit_op: one call that inserts every entry.
store_result<planned_op> plan_op(const append_audit_op& op, const clock_fn& clock);
/// Plans a prune_audit_op.
store_result<planned_op> plan_op(const prune_audit_op& op, const clock_fn& clock);
/// Plans a reseal_op (nothing when the row changed meanwhile).
store_result<planned_op> plan_op(const reseal_op& op, const clock_fn& clock);

}  // namespace auraos::persistence::postgres
