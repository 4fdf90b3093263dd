// The typed calls: each builds the ApiCall of one REST operation and reads its answer.

#include "client/client.hpp"

#include <atomic>
#include <mutex>
#include <chrono>
#include <random>
#include <type_traits>

#include <google/protobuf/io/coded_stream.h>

#include "client/client_impl.hpp"

namespace auraos::client {

bool parse_answer(const std::string& bytes, google::protobuf::Message& into) {
  // A JSON level is up to three message levels in a google.protobuf.Value; stored values nest
  // up to 1,024 levels.
  constexpr int max_answer_depth = 3 * 1024 + 64;
  google::protobuf::io::CodedInputStream input(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                               static_cast<int>(bytes.size()));
  input.SetRecursionLimit(max_answer_depth);
  return into.ParseFromCodedStream(&input);
}

namespace {

namespace pb = google::protobuf;

/// The path parameters of a call.
using path_params = std::initializer_list<std::pair<const char*, std::string>>;

/// An Idempotency-Key unique to this process and call.
std::string fresh_key() {
  static std::atomic<std::uint64_t> next{0};
  static const std::uint64_t process = std::random_device{}() ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  return "client-" + std::to_string(process) + "-" + std::to_string(next++);
}

v1::ApiCall make_call(std::string operation, path_params path, const query& q = {},
                      const pb::Message* body = nullptr) {
  v1::ApiCall call;
  call.set_operation(std::move(operation));
  for (const auto& [name, value] : path) (*call.mutable_path())[name] = value;
  for (const auto& [name, value] : q) (*call.mutable_query())[name] = value;
  if (body) call.set_body(body->SerializeAsString());
  return call;
}

/// The error of a reply whose status is not 2xx.
error error_of(const v1::ApiReply& reply) {
  v1::Error envelope;
  if (reply.message() == "auraos.v1.Error" && envelope.ParseFromString(reply.body()))
    return error{reply.status(), envelope.error().code(), envelope.error().message()};
  return error{reply.status(), "protocol",
               "the node answered " + std::to_string(reply.status()) + " without an error body"};
}

/// The typed answer of a reply.
template <class T>
result<answer<T>> decode(result<v1::ApiReply> reply) {
  if (!reply) return fail(std::move(reply.error()));
  if (reply->status() < 200 || reply->status() >= 300) return fail(error_of(*reply));
  answer<T> out;
  out.node = reply->node();
  if constexpr (!std::is_same_v<T, done>) {
    if (!parse_answer(reply->body(), out.value))
      return fail(error{reply->status(), "protocol",
                        "the answer is not a valid " + T::descriptor()->full_name()});
  }
  return out;
}

/// The value alone.
template <class T>
result<T> value_of(result<answer<T>> typed) {
  if (!typed) return fail(std::move(typed.error()));
  return std::move(typed->value);
}

}  // namespace

client::client(options opts) : impl_(std::make_unique<impl>(std::move(opts))) {}
client::~client() {
  std::vector<std::weak_ptr<subscription::state>> open;
  {
    std::lock_guard lock{impl_->mutex};
    open.swap(impl_->subscriptions);
  }
  for (auto& each : open)
    if (auto alive = each.lock()) subscription(alive).stop();
}

result<v1::ApiReply> client::call(const v1::ApiCall& call, bool retry_safe) {
  return impl_->link.call(call, retry_safe);
}

namespace {

/// A read: safe to send again after a lost connection.
template <class T>
result<T> read(detail::connection& link, v1::ApiCall call) {
  return value_of(decode<T>(link.call(call, true)));
}

/// A change: sent once.
template <class T>
result<T> change(detail::connection& link, v1::ApiCall call) {
  return value_of(decode<T>(link.call(call, false)));
}

/// A start with an Idempotency-Key: safe to send again.
template <class T>
result<answer<T>> start(detail::connection& link, v1::ApiCall call, std::string key) {
  (*call.mutable_headers())["Idempotency-Key"] = key.empty() ? fresh_key() : std::move(key);
  return decode<T>(link.call(call, true));
}

}  // namespace

// ---- Workflows ---------------------------------------------------------------------------------

result<v1::Workflow> client::create_workflow(const v1::WorkflowDefinition& definition) {
  return change<v1::Workflow>(impl_->link, make_call("createWorkflow", {}, {}, &definition));
}

result<v1::Workflow> client::update_workflow(const std::string& id,
                                             const v1::WorkflowDefinition& definition) {
  return change<v1::Workflow>(impl_->link,
                              make_call("replaceWorkflow", {{"id", id}}, {}, &definition));
}

result<v1::Workflow> client::set_workflow_status(const std::string& id, const std::string& status) {
  v1::WorkflowStatusPatch patch;
  patch.set_status(status);
  return change<v1::Workflow>(impl_->link, make_call("setWorkflowStatus", {{"id", id}}, {}, &patch));
}

result<done> client::delete_workflow(const std::string& id) {
  return change<done>(impl_->link, make_call("deleteWorkflow", {{"id", id}}));
}

result<v1::Workflow> client::get_workflow(const std::string& id) {
  return read<v1::Workflow>(impl_->link, make_call("getWorkflow", {{"id", id}}));
}

result<v1::WorkflowPage> client::list_workflows(const query& q) {
  return read<v1::WorkflowPage>(impl_->link, make_call("listWorkflows", {}, q));
}

result<v1::WorkflowRevisionPage> client::workflow_revisions(const std::string& id, const query& q) {
  return read<v1::WorkflowRevisionPage>(impl_->link,
                                        make_call("listWorkflowRevisions", {{"id", id}}, q));
}

result<v1::Workflow> client::workflow_revision(const std::string& id, int revision) {
  return read<v1::Workflow>(
      impl_->link, make_call("getWorkflowRevision", {{"id", id}, {"n", std::to_string(revision)}}));
}

result<v1::WorkflowMetrics> client::workflow_metrics(const std::string& id, const query& q) {
  return read<v1::WorkflowMetrics>(impl_->link, make_call("getWorkflowMetrics", {{"id", id}}, q));
}

// ---- Executions --------------------------------------------------------------------------------

result<answer<v1::Execution>> client::execute(const std::string& workflow_id,
                                              const v1::StartExecutionRequest& request,
                                              std::string idempotency_key) {
  return start<v1::Execution>(impl_->link,
                              make_call("startExecution", {{"id", workflow_id}}, {}, &request),
                              std::move(idempotency_key));
}

result<answer<v1::Execution>> client::get_execution(const std::string& id) {
  return decode<v1::Execution>(impl_->link.call(make_call("getExecution", {{"id", id}}), true));
}

result<v1::ExecutionPage> client::list_executions(const query& q) {
  return read<v1::ExecutionPage>(impl_->link, make_call("listExecutions", {}, q));
}

result<v1::Execution> client::pause(const std::string& id) {
  return change<v1::Execution>(impl_->link, make_call("pauseExecution", {{"id", id}}));
}

result<v1::Execution> client::resume(const std::string& id) {
  return change<v1::Execution>(impl_->link, make_call("resumeExecution", {{"id", id}}));
}

result<v1::Execution> client::cancel(const std::string& id) {
  return change<v1::Execution>(impl_->link, make_call("cancelExecution", {{"id", id}}));
}

result<v1::HistoryPage> client::history(const std::string& id, const query& q) {
  return read<v1::HistoryPage>(impl_->link, make_call("getExecutionHistory", {{"id", id}}, q));
}

result<v1::LogPage> client::logs(const std::string& id, const query& q) {
  return read<v1::LogPage>(impl_->link, make_call("getExecutionLogs", {{"id", id}}, q));
}

result<v1::SignalAccepted> client::signal(const std::string& id, const v1::SignalRequest& request) {
  return change<v1::SignalAccepted>(impl_->link,
                                    make_call("signalExecution", {{"id", id}}, {}, &request));
}

result<v1::ExecutionMetrics> client::execution_metrics(const query& q) {
  return read<v1::ExecutionMetrics>(impl_->link, make_call("getExecutionMetrics", {}, q));
}

// ---- Events ------------------------------------------------------------------------------------

result<v1::PublishedEvents> client::publish(const v1::EventBatch& events) {
  return change<v1::PublishedEvents>(impl_->link, make_call("publishEvents", {}, {}, &events));
}

result<v1::Event> client::publish(const v1::EventInput& event) {
  v1::EventBatch batch;
  *batch.add_items() = event;
  auto published = publish(batch);
  if (!published) return fail(std::move(published.error()));
  if (published->items_size() != 1)
    return fail(error{201, "protocol", "the node stored no event for a batch of one"});
  return published->items(0);
}

result<v1::EventPage> client::list_events(const query& q) {
  return read<v1::EventPage>(impl_->link, make_call("listEvents", {}, q));
}

result<v1::Event> client::get_event(const std::string& id) {
  return read<v1::Event>(impl_->link, make_call("getEvent", {{"id", id}}));
}

result<v1::Correlation> client::correlation(const std::string& correlation_id) {
  return read<v1::Correlation>(impl_->link,
                               make_call("getCorrelation", {{"correlationId", correlation_id}}));
}

result<v1::EventMetrics> client::event_metrics(const query& q) {
  return read<v1::EventMetrics>(impl_->link, make_call("getEventMetrics", {}, q));
}

result<v1::EventCleanup> client::delete_old_events(const query& q) {
  return change<v1::EventCleanup>(impl_->link, make_call("deleteOldEvents", {}, q));
}

result<v1::EventPattern> client::create_pattern(const v1::EventPatternRule& rule) {
  return change<v1::EventPattern>(impl_->link, make_call("createEventPattern", {}, {}, &rule));
}

result<v1::EventPattern> client::replace_pattern(const std::string& id,
                                                 const v1::EventPatternRule& rule) {
  return change<v1::EventPattern>(impl_->link,
                                  make_call("replaceEventPattern", {{"id", id}}, {}, &rule));
}

result<v1::EventPattern> client::get_pattern(const std::string& id) {
  return read<v1::EventPattern>(impl_->link, make_call("getEventPattern", {{"id", id}}));
}

result<v1::EventPatternPage> client::list_patterns(const query& q) {
  return read<v1::EventPatternPage>(impl_->link, make_call("listEventPatterns", {}, q));
}

result<done> client::delete_pattern(const std::string& id) {
  return change<done>(impl_->link, make_call("deleteEventPattern", {{"id", id}}));
}

result<v1::RetentionRule> client::put_retention(const std::string& type,
                                                const v1::RetentionRuleBody& rule) {
  return change<v1::RetentionRule>(impl_->link,
                                   make_call("putRetentionRule", {{"type", type}}, {}, &rule));
}

result<v1::RetentionRule> client::get_retention(const std::string& type) {
  return read<v1::RetentionRule>(impl_->link, make_call("getRetentionRule", {{"type", type}}));
}

result<v1::RetentionRuleList> client::list_retention() {
  return read<v1::RetentionRuleList>(impl_->link, make_call("listRetentionRules", {}));
}

result<done> client::delete_retention(const std::string& type) {
  return change<done>(impl_->link, make_call("deleteRetentionRule", {{"type", type}}));
}

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
