#pragma once
// The JSON answers of the task routes (docs/tasks.md, "REST").

#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "actors/tasks/task_messages.hpp"
#include "persistence/task_record.hpp"

namespace auraos::gateway {

/// A stored task: its canonical definition plus createdAt and updatedAt.
nlohmann::json task_json(const persistence::task_record& task);

/// A run: {id, taskId, status, input, output, error, attempts, priority, queuedAt, startedAt,
/// completedAt, resourceAllocation, worker} and queue, nextAttemptAt, leaseExpiresAt, batchId,
/// dependsOn, retryOf, executionId, nodeId, scheduleTime.
nlohmann::json task_run_json(const persistence::task_run_record& run);

/// A run's log lines: [{seq, at, stream, line}].
nlohmann::json task_log_json(const std::vector<persistence::task_log_line>& lines);

/// A task's metrics from its figures: {runs, durationMs, queueWaitMs, successRate}.
nlohmann::json task_metrics_json(const persistence::task_run_figures& figures);

/// The pool and its queues: {capacity, inUse, workers, running, agingSeconds, queues: [...]}.
nlohmann::json pool_json(const actors::tasks::pool_figures& pool);

}  // namespace auraos::gateway
