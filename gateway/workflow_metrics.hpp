#pragma once
// GET /api/v1/workflows/{id}/metrics: counts, duration percentiles and success rate.

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "gateway/node_context.hpp"
#include "gateway/responder.hpp"
#include "persistence/execution_record.hpp"

namespace auraos::gateway {

/// `{executions: {total, running, completed, failed, cancelled}, durationMs: {p50, p95, p99},
/// successRate}`; percentiles (nearest rank) and the rate are null when nothing finished.
nlohmann::json execution_metrics_json(const std::vector<persistence::execution_record>& all);

/// Answers the metrics of workflow `id` from the store (404 when the workflow is unknown).
void workflow_metrics(const std::shared_ptr<node_context>& node, std::string id, responder respond);

}  // namespace auraos::gateway
