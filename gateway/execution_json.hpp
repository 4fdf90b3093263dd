#pragma once
// The REST shapes of the executions service's answers (spec/interfaces.md).

#include <cstdint>

#include <nlohmann/json_fwd.hpp>

#include "actors/executions/execution_messages.hpp"

namespace auraos::gateway {

/// `{id, workflowId, revision, status, input, output, error, startedAt, completedAt,
/// nodes: [{id, status, attempts, startedAt, completedAt, output, error}], metrics}`.
nlohmann::json execution_json(const actors::executions::execution_view& view);

/// One item of the history endpoint: `{seq, timestamp, kind, nodeId, attempt, data}`.
nlohmann::json history_item_json(const v1::HistoryEvent& record, std::int64_t seq,
                                 std::int64_t timestamp_ms);

/// The history endpoint's array (`{seq, timestamp, kind, nodeId, attempt, data}` per record),
/// or the logs endpoint's array of lines.
nlohmann::json history_json(const actors::executions::history_page& page);

/// The executions service's counters as the JSON object /metrics reads.
nlohmann::json counters_json(const actors::executions::executions_counters& counters);

}  // namespace auraos::gateway
