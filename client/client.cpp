// The client's life and its typed calls of workflows, executions and events: each builds the
// ApiCall of one REST operation and reads its answer (tasks and the node: task_calls.cpp).

#include "client/client.hpp"

#include "client/call_building.hpp"
#include "client/client_impl.hpp"

namespace auraos::client {

using namespace detail;

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

}  // namespace auraos::client
