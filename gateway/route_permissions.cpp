// The permission table of the REST routes and the authorization decision.
// tests/unit/route_permissions_test.cpp keeps the table equal to the router's routes.

#include "gateway/route_permissions.hpp"

#include <fmt/format.h>

namespace auraos::gateway {
namespace {

namespace sec = runtime::security;
using p = sec::permission;

/// A route anyone may use: probes, the API's description and the dashboard's static files
/// (the page itself holds no data; it asks the API, which checks every call).
constexpr std::nullopt_t anyone = std::nullopt;

std::vector<route_permission> make_table() {
  return {
      // Workflows. A workflow's execution figures are a read of the workflow.
      {{"POST", "/api/v1/workflows"}, "createWorkflow", p::workflow_write},
      {{"GET", "/api/v1/workflows"}, "listWorkflows", p::workflow_read},
      {{"GET", "/api/v1/workflows/{id}"}, "getWorkflow", p::workflow_read},
      {{"PUT", "/api/v1/workflows/{id}"}, "replaceWorkflow", p::workflow_write},
      {{"PATCH", "/api/v1/workflows/{id}"}, "setWorkflowStatus", p::workflow_write},
      {{"DELETE", "/api/v1/workflows/{id}"}, "deleteWorkflow", p::workflow_write},
      {{"GET", "/api/v1/workflows/{id}/metrics"}, "getWorkflowMetrics", p::workflow_read},
      {{"GET", "/api/v1/workflows/{id}/revisions"}, "listWorkflowRevisions", p::workflow_read},
      {{"GET", "/api/v1/workflows/{id}/revisions/{n}"}, "getWorkflowRevision", p::workflow_read},
      {{"POST", "/api/v1/workflows/{id}/executions"}, "startExecution", p::execution_start},
      // Executions. There is no execution:read: an execution, its history, logs and figures
      // are the workflow's runs, so reading them is workflow:read (what a viewer has).
      {{"GET", "/api/v1/executions"}, "listExecutions", p::workflow_read},
      {{"GET", "/api/v1/executions/metrics"}, "getExecutionMetrics", p::workflow_read},
      {{"GET", "/api/v1/executions/{id}"}, "getExecution", p::workflow_read},
      {{"POST", "/api/v1/executions/{id}/pause"}, "pauseExecution", p::execution_control},
      {{"POST", "/api/v1/executions/{id}/resume"}, "resumeExecution", p::execution_control},
      {{"POST", "/api/v1/executions/{id}/cancel"}, "cancelExecution", p::execution_control},
      {{"GET", "/api/v1/executions/{id}/history"}, "getExecutionHistory", p::workflow_read},
      {{"GET", "/api/v1/executions/{id}/logs"}, "getExecutionLogs", p::workflow_read},
      // A signal steers one running execution (added with the event routes, but it is not a
      // published event: it goes to the execution only).
      {{"POST", "/api/v1/executions/{id}/signal"}, "signalExecution", p::execution_control},
      // The node: probes are public (load balancers and orchestrators call them without a
      // token); Prometheus metrics and the supervision tree show the node's inner state.
      {{"GET", "/healthz"}, "getHealth", anyone},
      {{"GET", "/readyz"}, "getReadiness", anyone},
      {{"GET", "/metrics"}, "getMetrics", p::cluster_read},
      {{"GET", "/api/v1/supervision"}, "getSupervisionTree", p::cluster_read},
      {{"GET", "/api/v1/cluster"}, "getCluster", p::cluster_read},
      {{"GET", "/api/v1/cluster/shards"}, "listShards", p::cluster_read},
      // The live stream is the dashboard's view of the node: supervision, cluster and
      // execution status changes (ids and statuses, no inputs or outputs), so cluster:read.
      {{"GET", "/api/v1/stream"}, "streamLiveUpdates", p::cluster_read},
      // Events. Deleting old events removes every publisher's events and the history that
      // correlations and pattern rules rely on, beyond what any one role owns: admin.
      {{"POST", "/api/v1/events"}, "publishEvents", p::event_publish},
      {{"GET", "/api/v1/events"}, "listEvents", p::event_read},
      {{"DELETE", "/api/v1/events"}, "deleteOldEvents", p::admin},
      {{"GET", "/api/v1/events/stream"}, "streamEvents", p::event_read},
      {{"GET", "/api/v1/events/metrics"}, "getEventMetrics", p::event_read},
      {{"GET", "/api/v1/events/correlations/{correlationId}"}, "getCorrelation", p::event_read},
      {{"GET", "/api/v1/events/{id}"}, "getEvent", p::event_read},
      // Retention rules are node configuration (how long the node keeps data): admin.
      {{"GET", "/api/v1/event-retention"}, "listRetentionRules", p::event_read},
      {{"PUT", "/api/v1/event-retention/{type}"}, "putRetentionRule", p::admin},
      {{"GET", "/api/v1/event-retention/{type}"}, "getRetentionRule", p::event_read},
      {{"DELETE", "/api/v1/event-retention/{type}"}, "deleteRetentionRule", p::admin},
      // Pattern rules run on every future event of every publisher and emit derived events
      // with the node's authority (which may in turn trigger workflows), so changing one is
      // more than event:publish and there is no event:write: admin.
      {{"POST", "/api/v1/event-patterns"}, "createEventPattern", p::admin},
      {{"GET", "/api/v1/event-patterns"}, "listEventPatterns", p::event_read},
      {{"GET", "/api/v1/event-patterns/{id}"}, "getEventPattern", p::event_read},
      {{"PUT", "/api/v1/event-patterns/{id}"}, "replaceEventPattern", p::admin},
      {{"DELETE", "/api/v1/event-patterns/{id}"}, "deleteEventPattern", p::admin},
      // Tasks. There is no task:start: defining, starting, cancelling and retrying runs are all
      // task:write. A task runs shell commands and HTTP calls on the node, so task:write is
      // close to running code there: grant it as carefully as admin.
      {{"POST", "/api/v1/tasks"}, "createTask", p::task_write},
      {{"GET", "/api/v1/tasks"}, "listTasks", p::task_read},
      {{"GET", "/api/v1/tasks/{id}"}, "getTask", p::task_read},
      {{"PUT", "/api/v1/tasks/{id}"}, "replaceTask", p::task_write},
      {{"DELETE", "/api/v1/tasks/{id}"}, "deleteTask", p::task_write},
      {{"POST", "/api/v1/tasks/{id}/executions"}, "startTaskRun", p::task_write},
      {{"GET", "/api/v1/tasks/{id}/metrics"}, "getTaskMetrics", p::task_read},
      {{"POST", "/api/v1/task-batches"}, "startTaskBatch", p::task_write},
      {{"GET", "/api/v1/task-executions"}, "listTaskRuns", p::task_read},
      {{"GET", "/api/v1/task-executions/{id}"}, "getTaskRun", p::task_read},
      {{"POST", "/api/v1/task-executions/{id}/cancel"}, "cancelTaskRun", p::task_write},
      {{"POST", "/api/v1/task-executions/{id}/retry"}, "retryTaskRun", p::task_write},
      {{"GET", "/api/v1/task-executions/{id}/logs"}, "getTaskRunLogs", p::task_read},
      // External workers: a claim takes runs off a queue and the others change a run's state,
      // so a worker's token needs task:write (a custom role "worker" with task:write suffices).
      {{"GET", "/api/v1/task-queues"}, "getTaskQueues", p::task_read},
      {{"POST", "/api/v1/task-queues/{queue}/claim"}, "claimTaskRuns", p::task_write},
      {{"POST", "/api/v1/task-executions/{id}/heartbeat"}, "heartbeatTaskRun", p::task_write},
      {{"POST", "/api/v1/task-executions/{id}/complete"}, "completeTaskRun", p::task_write},
      {{"POST", "/api/v1/task-executions/{id}/fail"}, "failTaskRun", p::task_write},
      {{"PUT", "/api/v1/tasks/{id}/schedule"}, "putSchedule", p::task_write},
      {{"GET", "/api/v1/tasks/{id}/schedule"}, "getSchedule", p::task_read},
      {{"DELETE", "/api/v1/tasks/{id}/schedule"}, "deleteSchedule", p::task_write},
      // The dashboard's files and the OpenAPI document describe the API and hold no data.
      {{"GET", "/"}, "getDashboard", anyone},
      {{"GET", "/assets/{name}"}, "getDashboardAsset", anyone},
      {{"GET", "/api/v1/openapi.json"}, "getOpenApiDocument", anyone},
      // Only on nodes started with --test-faults (not in the OpenAPI document): it kills
      // runtime actors, so admin even there.
      {{"POST", "/api/v1/_test/crash/{name}"}, "", p::admin},
      // Signing in is open to anyone (bounded by the rate limits); a signed-in caller manages
      // their own tokens; users, roles and the audit log are the administrator's.
      {{"POST", "/api/v1/auth/token"}, "createAccessToken", anyone},
      {{"POST", "/api/v1/auth/revoke"}, "revokeToken", anyone, true},
      {{"GET", "/api/v1/auth/me"}, "getCurrentUser", anyone, true},
      {{"POST", "/api/v1/auth/api-tokens"}, "createApiToken", anyone, true},
      {{"GET", "/api/v1/auth/api-tokens"}, "listApiTokens", anyone, true},
      {{"DELETE", "/api/v1/auth/api-tokens/{id}"}, "deleteApiToken", anyone, true},
      {{"POST", "/api/v1/users"}, "createUser", p::admin},
      {{"GET", "/api/v1/users"}, "listUsers", p::admin},
      {{"GET", "/api/v1/users/{id}"}, "getUser", p::admin},
      {{"PATCH", "/api/v1/users/{id}"}, "updateUser", p::admin},
      {{"DELETE", "/api/v1/users/{id}"}, "deleteUser", p::admin},
      {{"GET", "/api/v1/roles"}, "listRoles", p::admin},
      {{"GET", "/api/v1/roles/{name}"}, "getRole", p::admin},
      {{"PUT", "/api/v1/roles/{name}"}, "putRole", p::admin},
      {{"DELETE", "/api/v1/roles/{name}"}, "deleteRole", p::admin},
      {{"GET", "/api/v1/audit"}, "listAuditEntries", p::admin},
      {{"GET", "/api/v1/audit/export"}, "exportAuditEntries", p::admin},
      {{"GET", "/api/v1/audit/report"}, "getAuditReport", p::admin},
  };
}

/// "role viewer", or for a token with no role "user alice" (or "the caller").
std::string who(const principal& caller) {
  if (!caller.role.empty()) return "role " + caller.role;
  if (!caller.user_id.empty()) return "user " + caller.user_id;
  return "the caller";
}

}  // namespace

const std::vector<route_permission>& route_permissions() {
  static const std::vector<route_permission> table = make_table();
  return table;
}

route_permission required_permission(std::string_view method, std::string_view pattern) {
  for (const auto& entry : route_permissions())
    if (entry.route.method == method && entry.route.pattern == pattern) return entry;
  return {{std::string{method}, std::string{pattern}}, "", p::admin};
}

const route_permission* operation_permission(std::string_view operation) {
  if (operation.empty()) return nullptr;
  for (const auto& entry : route_permissions())
    if (entry.operation == operation) return &entry;
  return nullptr;
}

access_decision authorize(const principal& caller, const route_permission& route) {
  if (route.is_public()) return {};
  auto where = route.route.method + " " + route.route.pattern;
  if (!route.needs) {
    if (caller.authenticated) return {};
    return {401, fmt::format("this needs a signed-in caller ({}); the request has no valid token",
                             where)};
  }
  auto needed = sec::to_string(*route.needs);
  if (!caller.authenticated)
    return {401, fmt::format(
                     "this needs a token with permission {} ({}); the request has no valid token",
                     needed, where)};
  if (!sec::allows(caller.permissions, *route.needs))
    return {403,
            fmt::format("this needs permission {} ({}); {} lacks it", needed, where, who(caller))};
  return {};
}

}  // namespace auraos::gateway
