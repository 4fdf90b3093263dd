// The client's typed calls of tasks, schedules, external workers and the node: each builds
// the ApiCall of one REST operation and reads its answer.

#include "client/client.hpp"

#include "client/call_building.hpp"
#include "client/client_impl.hpp"

namespace auraos::client {

using namespace detail;

// ---- Tasks and schedules -----------------------------------------------------------------------

result<v1::Task> client::create_task(const v1::TaskDefinition& definition) {
  return change<v1::Task>(impl_->link, make_call("createTask", {}, {}, &definition));
}

result<v1::Task> client::replace_task(const std::string& id, const v1::TaskDefinition& definition) {
  return change<v1::Task>(impl_->link, make_call("replaceTask", {{"id", id}}, {}, &definition));
}

result<v1::Task> client::get_task(const std::string& id) {
  return read<v1::Task>(impl_->link, make_call("getTask", {{"id", id}}));
}

result<v1::TaskPage> client::list_tasks(const query& q) {
  return read<v1::TaskPage>(impl_->link, make_call("listTasks", {}, q));
}

result<done> client::delete_task(const std::string& id) {
  return change<done>(impl_->link, make_call("deleteTask", {{"id", id}}));
}

result<v1::TaskRun> client::start_task_run(const std::string& task_id,
                                           const v1::StartTaskRunRequest& request,
                                           std::string idempotency_key) {
  return value_of(start<v1::TaskRun>(
      impl_->link, make_call("startTaskRun", {{"id", task_id}}, {}, &request),
      std::move(idempotency_key)));
}

result<v1::TaskBatch> client::start_task_batch(const v1::TaskBatchRequest& request,
                                               std::string idempotency_key) {
  // Sent once: the node keeps no Idempotency-Key for a batch, so a resend would start it twice.
  auto call = make_call("startTaskBatch", {}, {}, &request);
  if (!idempotency_key.empty()) (*call.mutable_headers())["Idempotency-Key"] = idempotency_key;
  return change<v1::TaskBatch>(impl_->link, std::move(call));
}

result<v1::TaskRun> client::get_task_run(const std::string& id) {
  return read<v1::TaskRun>(impl_->link, make_call("getTaskRun", {{"id", id}}));
}

result<v1::TaskRunPage> client::list_task_runs(const query& q) {
  return read<v1::TaskRunPage>(impl_->link, make_call("listTaskRuns", {}, q));
}

result<v1::TaskRun> client::cancel_task_run(const std::string& id) {
  return change<v1::TaskRun>(impl_->link, make_call("cancelTaskRun", {{"id", id}}));
}

result<v1::TaskRun> client::retry_task_run(const std::string& id) {
  return change<v1::TaskRun>(impl_->link, make_call("retryTaskRun", {{"id", id}}));
}

result<v1::TaskLogPage> client::task_run_logs(const std::string& id, const query& q) {
  return read<v1::TaskLogPage>(impl_->link, make_call("getTaskRunLogs", {{"id", id}}, q));
}

result<v1::TaskMetrics> client::task_metrics(const std::string& id, const query& q) {
  return read<v1::TaskMetrics>(impl_->link, make_call("getTaskMetrics", {{"id", id}}, q));
}

result<v1::TaskQueues> client::task_queues() {
  return read<v1::TaskQueues>(impl_->link, make_call("getTaskQueues", {}));
}

result<v1::Schedule> client::put_schedule(const std::string& task_id, const v1::ScheduleSpec& spec) {
  return change<v1::Schedule>(impl_->link, make_call("putSchedule", {{"id", task_id}}, {}, &spec));
}

result<v1::Schedule> client::get_schedule(const std::string& task_id) {
  return read<v1::Schedule>(impl_->link, make_call("getSchedule", {{"id", task_id}}));
}

result<done> client::delete_schedule(const std::string& task_id) {
  return change<done>(impl_->link, make_call("deleteSchedule", {{"id", task_id}}));
}

result<v1::ClaimedItems> client::claim(const std::string& queue, const v1::ClaimRequest& request) {
  return change<v1::ClaimedItems>(impl_->link,
                                  make_call("claimTaskRuns", {{"queue", queue}}, {}, &request));
}

result<v1::TaskRun> client::heartbeat(const std::string& run_id,
                                      const v1::HeartbeatRequest& request) {
  return change<v1::TaskRun>(impl_->link,
                             make_call("heartbeatTaskRun", {{"id", run_id}}, {}, &request));
}

result<v1::TaskRun> client::complete(const std::string& run_id, const v1::CompleteRequest& request) {
  return change<v1::TaskRun>(impl_->link,
                             make_call("completeTaskRun", {{"id", run_id}}, {}, &request));
}

result<v1::TaskRun> client::fail_run(const std::string& run_id, const v1::FailRequest& request) {
  return change<v1::TaskRun>(impl_->link, make_call("failTaskRun", {{"id", run_id}}, {}, &request));
}

// ---- The node and the cluster --------------------------------------------------------------------

result<answer<v1::Cluster>> client::cluster() {
  return decode<v1::Cluster>(impl_->link.call(make_call("getCluster", {}), true));
}

result<v1::ShardLeaseList> client::shards() {
  return read<v1::ShardLeaseList>(impl_->link, make_call("listShards", {}));
}

result<v1::SupervisionNode> client::supervision() {
  return read<v1::SupervisionNode>(impl_->link, make_call("getSupervisionTree", {}));
}

result<v1::Health> client::health() {
  return read<v1::Health>(impl_->link, make_call("getHealth", {}));
}

}  // namespace auraos::client
