#pragma once
// What the executions service answers about an execution, its history and its log lines: typed
// values (gateway/execution_json.* renders them in the REST shapes of spec/interfaces.md).
// Plain structs: no CAF here; their wire form is in executions_wire.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "messages/history.pb.h"
#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"
#include "runtime/engine/state.hpp"
#include "runtime/json_ptr.hpp"

namespace auraos::actors::executions {

/// One node of an execution as a client sees it.
struct node_view {
  std::string id;               ///< The node's id.
  std::string status;           ///< The node status name ("completed", ...).
  int attempts = 0;             ///< Attempts started so far.
  std::int64_t started_ms = 0;  ///< When its first attempt started (0: not yet).
  std::int64_t ended_ms = 0;    ///< When it ended (0: not yet).
  runtime::json_ptr output;     ///< Its output (null pointer: none).
  std::optional<runtime::engine::node_error> error;  ///< Why it failed.
};

/// An execution as a client sees it: the stored row and the folded state.
struct execution_view {
  std::string id;                                    ///< The execution.
  std::string workflow_id;                           ///< The workflow it runs.
  std::int64_t revision = 0;                         ///< The revision it runs.
  std::string status;                                ///< The status name ("running", ...).
  std::string input_json = "null";                   ///< The input as stored (JSON text).
  runtime::json_ptr output;                          ///< The output (null pointer: none).
  std::optional<runtime::engine::node_error> error;  ///< Why it failed.
  std::optional<std::int64_t> started_at;            ///< Milliseconds since the epoch.
  std::optional<std::int64_t> completed_at;          ///< Milliseconds since the epoch.
  std::vector<node_view> nodes;                      ///< Every node, by id.
  std::int64_t history_records = 0;                  ///< The seq of the last stored record.
  /// The id of the user who started it; none when anonymous (a trigger, a schedule).
  std::optional<std::string> created_by = std::nullopt;
};

/// The view of an execution from its stored row and its folded state.
execution_view view_of(const persistence::execution_record& row,
                       const runtime::engine::execution_state& state);

/// One stored history record with its place and time.
struct history_entry {
  std::int64_t seq = 0;           ///< Its sequence number.
  std::int64_t timestamp_ms = 0;  ///< When it was stored.
  v1::HistoryEvent record;        ///< The record.
};

/// A page of an execution's history: records (history_atom) or log lines (logs_atom).
struct history_page {
  std::vector<history_entry> records;      ///< The records (history_atom).
  std::vector<std::string> lines;          ///< Human-readable log lines (logs_atom).
  std::optional<std::int64_t> next_after;  ///< The seq the next page starts after; absent last.
};

/// Every stored row that parses, as history entries.
std::vector<history_entry> history_entries(const std::vector<persistence::history_event>& rows);

/// One human-readable line for a record, e.g. `2030-01-01T00:00:00.000Z fetch#1 attempt_started`.
std::string log_line(const std::string& execution_id, const v1::HistoryEvent& record);

/// Every record's log line.
std::vector<std::string> log_lines(const std::string& execution_id,
                                   const std::vector<persistence::history_event>& rows);

}  // namespace auraos::actors::executions
