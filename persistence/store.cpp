// The single-operation helpers of every concern's store: a batch of one through commit.
#include "persistence/store.hpp"

#include <utility>

namespace auraos::persistence {

namespace {

template <class T>
store_result<T> take(store_result<op_result> r) {
  if (!r) return fail(std::move(r).error());
  return std::get<T>(std::move(r).value());
}

/// The number of rows a prune deleted.
store_result<std::int64_t> pruned_count(store_result<op_result> r) {
  auto pruned = take<pruned_rows>(std::move(r));
  if (!pruned) return fail(std::move(pruned).error());
  return pruned->count;
}

}  // namespace

store_result<op_result> batch_store::commit_one(write_op op) {
  write_batch batch;
  batch.requests.push_back(write_request{{std::move(op)}});
  auto outcomes = commit(batch);
  if (!outcomes) return fail(std::move(outcomes).error());
  auto& outcome = outcomes->front();
  if (!outcome) return fail(std::move(outcome).error());
  return std::move(outcome->front());
}

store_result<workflow_record> workflow_store::put_workflow(workflow_draft draft) {
  return take<workflow_record>(commit_one(put_workflow_op{std::move(draft)}));
}

store_result<workflow_record> workflow_store::create_workflow(workflow_draft draft) {
  return take<workflow_record>(commit_one(create_workflow_op{std::move(draft)}));
}

store_result<workflow_record> workflow_store::set_workflow_status(const std::string& id,
                                                                  workflow_status status) {
  return take<workflow_record>(commit_one(set_workflow_status_op{id, status}));
}

store_status workflow_store::delete_workflow(const std::string& id) {
  return take<std::monostate>(commit_one(delete_workflow_op{id}));
}

store_result<created_execution> execution_store::create_execution(execution_record execution,
                                                                  std::optional<fence> lease) {
  return take<created_execution>(commit_one(create_execution_op{std::move(execution), lease}));
}

store_status execution_store::update_execution(execution_update update,
                                               std::optional<fence> lease) {
  return take<std::monostate>(commit_one(update_execution_op{std::move(update), lease}));
}

store_status execution_store::append(append_history_op op) {
  return take<std::monostate>(commit_one(std::move(op)));
}

store_status execution_store::put_snapshot(snapshot_record snapshot, std::optional<fence> lease) {
  return take<std::monostate>(commit_one(put_snapshot_op{std::move(snapshot), lease}));
}

store_status timer_store::put_timer(timer_record timer, std::optional<fence> lease) {
  return take<std::monostate>(commit_one(put_timer_op{std::move(timer), lease}));
}

store_status timer_store::delete_timer(const std::string& execution_id, const std::string& timer_id,
                                       std::optional<fence> lease) {
  return take<std::monostate>(commit_one(delete_timer_op{execution_id, timer_id, lease}));
}

store_result<published_events> event_store::publish_events(std::vector<event_record> events) {
  return take<published_events>(commit_one(publish_events_op{std::move(events)}));
}

store_result<shard_lease> lease_store::acquire_shard(std::int64_t shard, const std::string& owner) {
  return take<shard_lease>(commit_one(acquire_shard_op{shard, owner}));
}

store_result<user_record> security_store::create_user(user_record user) {
  return take<user_record>(commit_one(create_user_op{std::move(user)}));
}

store_result<user_record> security_store::update_user(user_update update) {
  return take<user_record>(commit_one(update_user_op{std::move(update)}));
}

store_status security_store::delete_user(const std::string& id) {
  return take<std::monostate>(commit_one(delete_user_op{id}));
}

store_result<role_record> security_store::put_role(role_record role) {
  return take<role_record>(commit_one(put_role_op{std::move(role)}));
}

store_status security_store::delete_role(const std::string& name) {
  return take<std::monostate>(commit_one(delete_role_op{name}));
}

store_result<api_token_record> security_store::create_api_token(api_token_record token) {
  return take<api_token_record>(commit_one(create_api_token_op{std::move(token)}));
}

store_result<api_token_record> security_store::revoke_api_token(const std::string& id) {
  return take<api_token_record>(commit_one(revoke_api_token_op{id}));
}

store_status security_store::touch_api_token(const std::string& id) {
  return take<std::monostate>(commit_one(touch_api_token_op{id}));
}

store_result<refresh_token_record> security_store::create_refresh_token(
    refresh_token_record token) {
  return take<refresh_token_record>(commit_one(create_refresh_token_op{std::move(token)}));
}

store_status security_store::revoke_refresh_token(const std::string& id) {
  return take<std::monostate>(commit_one(revoke_refresh_token_op{id}));
}

store_result<refresh_token_record> security_store::rotate_refresh_token(
    rotate_refresh_token_op op) {
  return take<refresh_token_record>(commit_one(std::move(op)));
}

store_result<revocation_record> security_store::revoke_token(const std::string& token_id,
                                                             std::int64_t expires_at) {
  return take<revocation_record>(commit_one(revoke_token_op{token_id, expires_at}));
}

store_result<std::int64_t> security_store::prune_revocations(std::int64_t now) {
  return pruned_count(commit_one(prune_revocations_op{now}));
}

store_status security_store::append_audit(std::vector<audit_record> entries) {
  return take<std::monostate>(commit_one(append_audit_op{std::move(entries)}));
}

store_result<std::int64_t> security_store::prune_audit(std::int64_t before) {
  return pruned_count(commit_one(prune_audit_op{before}));
}

}  // namespace auraos::persistence
