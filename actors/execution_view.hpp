#pragma once
// The REST shapes of an execution, its history and its log lines (spec/interfaces.md).

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "messages/history.pb.h"
#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"
#include "runtime/engine/state.hpp"

namespace auraos::actors {

/// `{id, workflowId, revision, status, input, output, error, startedAt, completedAt, nodes,
/// metrics}` from the stored row and the folded state.
nlohmann::json execution_view(const persistence::execution_record& row,
                              const engine::execution_state& state);

/// The history endpoint's array: `{seq, timestamp, kind, nodeId, attempt, data}` per record.
nlohmann::json history_view(const std::vector<persistence::history_event>& rows);

/// One human-readable line for a record, e.g. `2030-01-01T00:00:00.000Z fetch#1 attempt_started`.
std::string log_line(const std::string& execution_id, const messages::HistoryEvent& record);

/// Every record's log line, as a JSON array of strings.
nlohmann::json logs_view(const std::string& execution_id,
                         const std::vector<persistence::history_event>& rows);

}  // namespace auraos::actors
