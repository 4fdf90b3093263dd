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

}  // namespace auraos::persistence
