#pragma once
// History records <-> stored rows, and the store write that makes one decision durable.

#include <cstdint>
#include <string>
#include <vector>

#include "messages/history.pb.h"
#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"
#include "persistence/write_batch.hpp"
#include "runtime/engine/state.hpp"
#include "runtime/result.hpp"

namespace auraos::actors::executions {

/// The stored form of a record (kind, node and attempt as columns, the message as payload).
persistence::history_event to_stored(const v1::HistoryEvent& record);

/// The record a stored row holds; an error names the seq that does not parse.
result<v1::HistoryEvent, std::string> from_stored(const persistence::history_event& row);

/// The execution row's status spelling for an engine status.
persistence::execution_status to_row_status(runtime::engine::execution_status status);

/// An engine error as the JSON text stored in the execution row.
std::string error_json(const runtime::engine::node_error& error);

/// Everything one decision writes: the history append (expected seq = before.seq + 1), the row
/// change when the status moved, timer rows set or removed, and a snapshot of `after` when
/// `snapshot` is true. All in one request; every operation carries `lease` (the fence).
persistence::write_request decision_write(const runtime::engine::execution_state& before,
                                          const runtime::engine::execution_state& after,
                                          const std::vector<v1::HistoryEvent>& records,
                                          bool snapshot,
                                          std::optional<persistence::fence> lease = std::nullopt);

}  // namespace auraos::actors::executions
