#pragma once
// The node's REST routes, grouped by resource; each group adds itself to a router.

#include <memory>

#include "gateway/node_context.hpp"
#include "gateway/router.hpp"

namespace auraos::gateway {

/// Workflows: create, list, read, update, delete, and their execution metrics.
void add_workflow_routes(router& routes, std::shared_ptr<node_context> node);

/// A workflow's stored revisions: the list and one by number (added by add_workflow_routes).
void add_workflow_revision_routes(router& routes, std::shared_ptr<node_context> node);

/// Executions: start, list, read, pause, resume, cancel, history, logs.
void add_execution_routes(router& routes, std::shared_ptr<node_context> node);

/// GET /api/v1/executions/metrics (added by add_execution_routes, before /executions/{id}).
void add_execution_metrics_routes(router& routes, std::shared_ptr<node_context> node);

/// /healthz, /readyz, /metrics and /api/v1/supervision.
void add_system_routes(router& routes, std::shared_ptr<node_context> node);

/// /api/v1/cluster and /api/v1/cluster/shards.
void add_cluster_routes(router& routes, std::shared_ptr<node_context> node);

/// GET /api/v1/stream: live updates as Server-Sent Events.
void add_stream_routes(router& routes, std::shared_ptr<node_context> node);

/// Events: publish, list, read, correlations, the stream, and an execution's signal.
void add_event_routes(router& routes, std::shared_ptr<node_context> node);

/// Tasks: create, list, read, replace, delete, start a run, metrics (/api/v1/tasks).
void add_task_routes(router& routes, std::shared_ptr<node_context> node);

/// Task runs: batches, list, read, cancel, retry, logs (/api/v1/task-executions).
void add_task_run_routes(router& routes, std::shared_ptr<node_context> node);

/// A task's schedule: PUT, GET, DELETE /api/v1/tasks/{id}/schedule.
void add_task_schedule_routes(router& routes, std::shared_ptr<node_context> node);

/// The pool's queues and external workers: figures, claims, heartbeat, complete, fail.
void add_task_worker_routes(router& routes, std::shared_ptr<node_context> node);

/// Pattern rules: create, list, read, replace, delete (/api/v1/event-patterns).
void add_pattern_routes(router& routes, std::shared_ptr<node_context> node);

/// GET /api/v1/events/stream: stored events as Server-Sent Events (added by add_event_routes).
void add_event_stream_routes(router& routes, std::shared_ptr<node_context> node);

/// Event retention rules (/api/v1/event-retention) and the manual cleanup DELETE /api/v1/events
/// (added by add_event_routes).
void add_event_retention_routes(router& routes, std::shared_ptr<node_context> node);

/// GET /api/v1/events/metrics (added by add_event_routes, before /events/{id}).
void add_event_metrics_routes(router& routes, std::shared_ptr<node_context> node);

/// GET / and GET /assets/{name}: the dashboard's files, embedded at build time.
void add_asset_routes(router& routes);

/// GET /api/v1/openapi.json: the OpenAPI document of these routes, embedded at build time.
void add_openapi_routes(router& routes);

/// A router with every route of the node.
std::shared_ptr<router> make_api_router(std::shared_ptr<node_context> node);

}  // namespace auraos::gateway
