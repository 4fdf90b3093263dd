#pragma once
// The C++ client of a node's actor message API (docs/client.md). A `client` connects to the
// `--api-listen` endpoint of any node and offers typed calls over the same Protobuf messages
// as REST (messages/api_*.proto, package auraos.v1): workflows, executions, events (with live
// subscriptions), tasks, schedules and the cluster. In a cluster a call reaches the node that
// owns what it is about, as a REST call does. Errors are values; calls time out; a lost
// connection is redialled with backoff.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "messages/api_calls.pb.h"
#include "messages/api_cluster.pb.h"
#include "messages/api_common.pb.h"
#include "messages/api_events.pb.h"
#include "messages/api_executions.pb.h"
#include "messages/api_tasks.pb.h"
#include "messages/api_workflows.pb.h"
#include "runtime/result.hpp"

namespace auraos::client {

/// Why a call failed.
struct error {
  /// The status REST would answer (400, 404, 409, 422, 503, ...); 0 when no answer came.
  int status = 0;
  /// The API's error code ("bad_request", "not_found", "conflict", "invalid_definition", ...),
  /// or, with status 0: "unreachable" (no connection), "timeout" (no answer in time),
  /// "unavailable" (the connection was lost during the call), "protocol" (a bad reply),
  /// "bad_request" (the call was not sent: a parameter that is not UTF-8, an empty callback).
  std::string code;
  /// A sentence naming the problem and the place.
  std::string message;
};

/// A value or the error of a call.
template <class T>
using result = auraos::result<T, error>;

/// The answer of a call that answers no body (a DELETE's 204).
struct done {};

/// Query parameters of a list or read, by their REST names ("limit", "cursor", "status",
/// "type", "workflowId", ...).
using query = std::map<std::string, std::string>;

/// How a client connects and waits.
struct options {
  std::string host = "127.0.0.1";  ///< The node's `--api-listen` host.
  std::uint16_t port = 0;          ///< The node's `--api-listen` port.
  /// How long a call waits for its answer ("timeout" after).
  std::chrono::milliseconds call_timeout{10000};
  /// How long one dial waits.
  std::chrono::milliseconds connect_timeout{3000};
  /// Dials per call before "unreachable"; also the most sends of a retry-safe call.
  int connect_attempts = 5;
  /// The wait before the second dial; it doubles per dial up to `backoff_max`.
  std::chrono::milliseconds backoff_initial{50};
  /// The longest wait between two dials.
  std::chrono::milliseconds backoff_max{2000};
  /// A node heard nothing from for this long counts as gone (its heartbeats stopped).
  std::chrono::milliseconds dead_after{3000};
  /// The access or API token sent with every call and subscription, on a node that requires
  /// one (docs/security.md); empty: none (a call needing one answers "unauthorized", 401).
  std::string token;
};

/// A typed answer with the node that gave it.
template <class T>
struct answer {
  T value;           ///< The answer message.
  std::string node;  ///< The node that answered (in a cluster: the owner).
};

/// A live event subscription; ends when destroyed or stopped.
class subscription {
 public:
  /// Stops it (no callback runs after this returns).
  ~subscription();
  /// Stops delivery; idempotent.
  void stop();

  /// What the handle shares with the library (opaque).
  struct state;

 private:
  friend class client;
  explicit subscription(std::shared_ptr<state> s);
  std::shared_ptr<state> state_;
};

/// Called with each event of a subscription, in storing order, on one of the client's two
/// library threads: a callback that blocks holds up the client's other subscriptions.
using event_callback = std::function<void(const v1::Event&)>;
/// Called once when a subscription ends for good (the node refused it, e.g. a bad `where`).
using end_callback = std::function<void(const error&)>;

/// A connection to one node's actor API. Calls may be made from several threads at once.
class client {
 public:
  /// A client of `opts.host:opts.port`; it dials on the first call.
  explicit client(options opts);
  ~client();
  client(const client&) = delete;
  client& operator=(const client&) = delete;

  // ---- Any operation -------------------------------------------------------------------
  /// Calls one REST operation by its operationId with the request message's bytes in
  /// `call.body`; the raw reply (any status). Sent again after a lost connection, or a 503
  /// answer (a node still starting), only when `retry_safe`.
  result<v1::ApiReply> call(const v1::ApiCall& call, bool retry_safe);

  // ---- Workflows (the seed's WorkflowService) ----------------------------------------------
  /// Stores a new workflow (POST /api/v1/workflows).
  result<v1::Workflow> create_workflow(const v1::WorkflowDefinition& definition);
  /// Replaces a workflow's definition: a new revision (PUT /api/v1/workflows/{id}).
  result<v1::Workflow> update_workflow(const std::string& id,
                                       const v1::WorkflowDefinition& definition);
  /// Sets a workflow's status, "draft", "active" or "archived" (PATCH /api/v1/workflows/{id}).
  result<v1::Workflow> set_workflow_status(const std::string& id, const std::string& status);
  /// Deletes a workflow (DELETE /api/v1/workflows/{id}).
  result<done> delete_workflow(const std::string& id);
  /// One workflow.
  result<v1::Workflow> get_workflow(const std::string& id);
  /// A page of workflows (`limit`, `cursor`, `status`).
  result<v1::WorkflowPage> list_workflows(const query& q = {});
  /// A page of a workflow's stored revisions.
  result<v1::WorkflowRevisionPage> workflow_revisions(const std::string& id, const query& q = {});
  /// One stored revision of a workflow.
  result<v1::Workflow> workflow_revision(const std::string& id, int revision);
  /// A workflow's execution figures.
  result<v1::WorkflowMetrics> workflow_metrics(const std::string& id, const query& q = {});

  // ---- Executions --------------------------------------------------------------------------
  /// Starts an execution. An Idempotency-Key (`idempotency_key`, or one made up per call)
  /// makes a resend after a lost connection start it once.
  result<answer<v1::Execution>> execute(const std::string& workflow_id,
                                        const v1::StartExecutionRequest& request,
                                        std::string idempotency_key = {});
  /// An execution with its nodes' states: its status (answered by its owner).
  result<answer<v1::Execution>> get_execution(const std::string& id);
  /// A page of executions (`workflowId`, `status`, `limit`, `cursor`).
  result<v1::ExecutionPage> list_executions(const query& q = {});
  /// Pauses an execution.
  result<v1::Execution> pause(const std::string& id);
  /// Resumes a paused execution.
  result<v1::Execution> resume(const std::string& id);
  /// Cancels an execution.
  result<v1::Execution> cancel(const std::string& id);
  /// A page of an execution's stored history (`after`, `limit`).
  result<v1::HistoryPage> history(const std::string& id, const query& q = {});
  /// A page of an execution's log lines (`nodeId`, `limit`, `cursor`).
  result<v1::LogPage> logs(const std::string& id, const query& q = {});
  /// Sends a signal to a waiting execution.
  result<v1::SignalAccepted> signal(const std::string& id, const v1::SignalRequest& request);
  /// Execution figures across workflows (`from`, `to`, `interval`).
  result<v1::ExecutionMetrics> execution_metrics(const query& q = {});

  // ---- Events (the seed's EventService) --------------------------------------------------------
  /// Publishes events, stored all or nothing, in order.
  result<v1::PublishedEvents> publish(const v1::EventBatch& events);
  /// Publishes one event.
  result<v1::Event> publish(const v1::EventInput& event);
  /// A page of stored events (`type`, `source`, `from`, `to`, `correlationId`, `where`, ...).
  result<v1::EventPage> list_events(const query& q = {});
  /// One stored event.
  result<v1::Event> get_event(const std::string& id);
  /// The causation tree of a correlation.
  result<v1::Correlation> correlation(const std::string& correlation_id);
  /// Event figures (`from`, `to`, `interval`).
  result<v1::EventMetrics> event_metrics(const query& q = {});
  /// Deletes events whose timestamp is before `olderThan` (RFC 3339; `type` optional).
  result<v1::EventCleanup> delete_old_events(const query& q);
  /// Calls `on_event` with every event that passes `filter`, stored from now on (or after
  /// `filter.after()`), in storing order, until the subscription is dropped. A lost
  /// connection is redialled with backoff and the stream resumed after the last event seen:
  /// nothing is missed or repeated. `on_end` hears a refusal (e.g. a bad `where`).
  result<std::unique_ptr<subscription>> subscribe(const v1::EventSubscription& filter,
                                                  event_callback on_event,
                                                  end_callback on_end = {});
  /// Stores a pattern rule.
  result<v1::EventPattern> create_pattern(const v1::EventPatternRule& rule);
  /// Replaces a pattern rule.
  result<v1::EventPattern> replace_pattern(const std::string& id, const v1::EventPatternRule& rule);
  /// One pattern rule.
  result<v1::EventPattern> get_pattern(const std::string& id);
  /// A page of pattern rules.
  result<v1::EventPatternPage> list_patterns(const query& q = {});
  /// Deletes a pattern rule.
  result<done> delete_pattern(const std::string& id);
  /// Sets the retention rule of an event type.
  result<v1::RetentionRule> put_retention(const std::string& type, const v1::RetentionRuleBody& rule);
  /// The retention rule of an event type.
  result<v1::RetentionRule> get_retention(const std::string& type);
  /// Every retention rule.
  result<v1::RetentionRuleList> list_retention();
  /// Deletes the retention rule of an event type.
  result<done> delete_retention(const std::string& type);

  // ---- Tasks and schedules (the seed's TaskService) -----------------------------------------------
  /// Stores a new task.
  result<v1::Task> create_task(const v1::TaskDefinition& definition);
  /// Replaces a task's definition.
  result<v1::Task> replace_task(const std::string& id, const v1::TaskDefinition& definition);
  /// One task.
  result<v1::Task> get_task(const std::string& id);
  /// A page of tasks.
  result<v1::TaskPage> list_tasks(const query& q = {});
  /// Deletes a task.
  result<done> delete_task(const std::string& id);
  /// Starts a run of a task (an Idempotency-Key as for `execute`).
  result<v1::TaskRun> start_task_run(const std::string& task_id,
                                     const v1::StartTaskRunRequest& request,
                                     std::string idempotency_key = {});
  /// Starts a batch of runs. Sent once, as a change: the node does not deduplicate batches
  /// by `idempotency_key` (passed on when given), so a lost connection answers "unavailable".
  result<v1::TaskBatch> start_task_batch(const v1::TaskBatchRequest& request,
                                         std::string idempotency_key = {});
  /// One task run.
  result<v1::TaskRun> get_task_run(const std::string& id);
  /// A page of task runs (`taskId`, `status`, `order`, `limit`, `cursor`).
  result<v1::TaskRunPage> list_task_runs(const query& q = {});
  /// Cancels a task run.
  result<v1::TaskRun> cancel_task_run(const std::string& id);
  /// Runs a finished task run again as a new run.
  result<v1::TaskRun> retry_task_run(const std::string& id);
  /// A page of a task run's log lines.
  result<v1::TaskLogPage> task_run_logs(const std::string& id, const query& q = {});
  /// A task's run figures.
  result<v1::TaskMetrics> task_metrics(const std::string& id, const query& q = {});
  /// The pool's queues.
  result<v1::TaskQueues> task_queues();
  /// Sets a task's schedule.
  result<v1::Schedule> put_schedule(const std::string& task_id, const v1::ScheduleSpec& spec);
  /// A task's schedule.
  result<v1::Schedule> get_schedule(const std::string& task_id);
  /// Deletes a task's schedule.
  result<done> delete_schedule(const std::string& task_id);
  /// An external worker claims runs of a queue.
  result<v1::ClaimedItems> claim(const std::string& queue, const v1::ClaimRequest& request);
  /// An external worker extends its lease on a run.
  result<v1::TaskRun> heartbeat(const std::string& run_id, const v1::HeartbeatRequest& request);
  /// An external worker completes a run.
  result<v1::TaskRun> complete(const std::string& run_id, const v1::CompleteRequest& request);
  /// An external worker fails a run.
  result<v1::TaskRun> fail_run(const std::string& run_id, const v1::FailRequest& request);

  // ---- The node and the cluster -----------------------------------------------------------------------
  /// The cluster's members and shard moves (a single node shows itself).
  result<answer<v1::Cluster>> cluster();
  /// Every shard's lease.
  result<v1::ShardLeaseList> shards();
  /// The node's live supervision tree.
  result<v1::SupervisionNode> supervision();
  /// The node's health.
  result<v1::Health> health();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace auraos::client
