#pragma once
// Stored workflow executions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// Where an execution is in its life.
enum class execution_status : std::uint8_t {
  pending,
  running,
  paused,
  completed,
  failed,
  cancelled,
  timed_out,
};

/// The stored name of a status, e.g. "timed_out".
std::string_view to_string(execution_status status);

/// Parses a stored status name.
store_result<execution_status> parse_execution_status(std::string_view text);

/// True for pending, running and paused: the ones recovery resumes.
bool is_unfinished(execution_status status);

/// One execution of one workflow revision.
struct execution_record {
  std::string id;             ///< UUID text; the store makes one when empty.
  std::string workflow_id;    ///< The workflow it runs.
  std::int64_t revision = 0;  ///< The revision it runs (kept forever).
  execution_status status = execution_status::pending;  ///< Current status.
  std::string input = "{}";                             ///< JSON text.
  std::optional<std::string> output;                    ///< JSON text, once completed.
  std::optional<std::string> error;                     ///< JSON text, once failed.
  std::int64_t created_at = 0;                          ///< Milliseconds since the epoch.
  std::optional<std::int64_t> started_at;               ///< Milliseconds since the epoch.
  std::optional<std::int64_t> completed_at;             ///< Milliseconds since the epoch.
  std::optional<std::string> idempotency_key;           ///< Unique per workflow id when present.
  std::optional<std::string> metrics = std::nullopt;    ///< JSON text, once finished.
  /// The error's `message`, derived by the store from `error` (read only).
  std::optional<std::string> error_message = std::nullopt;
  /// completed_at - started_at in ms, derived by the store once both are known (read only).
  std::optional<std::int64_t> execution_time_ms = std::nullopt;
  /// The id of the user whose call started it (a child: its parent's); none when anonymous.
  std::optional<std::string> created_by = std::nullopt;
  /// The secret input values as one sealed text (runtime/crypto/secret_box.hpp) of the JSON
  /// object {variable: value}; `input` holds "***" in their place. None: no secret.
  std::optional<std::string> secrets = std::nullopt;
};

/// A change of an execution's mutable fields; absent fields stay as they are.
struct execution_update {
  std::string id;                            ///< The execution.
  std::optional<execution_status> status;    ///< New status.
  std::optional<std::string> output;         ///< New output JSON text.
  std::optional<std::string> error;          ///< New error JSON text.
  std::optional<std::int64_t> started_at;    ///< Start time.
  std::optional<std::int64_t> completed_at;  ///< End time.
  /// New metrics JSON text.
  std::optional<std::string> metrics = std::nullopt;
};

/// In which order an execution list returns its items (and which cursors it takes).
enum class list_order : std::uint8_t {
  oldest_first,  ///< (created_at, id) ascending: creation order.
  newest_first,  ///< (created_at, id) descending.
};

/// Which executions a list returns, and in which order; empty fields match everything.
struct execution_filter {
  std::optional<std::string> workflow_id;  ///< Of this workflow.
  std::optional<execution_status> status;  ///< In this status.
  /// Created (started through the API) at or after this time, ms since the epoch.
  std::optional<std::int64_t> created_from = std::nullopt;
  /// Created before this time, ms since the epoch.
  std::optional<std::int64_t> created_before = std::nullopt;
  /// The list's order; a cursor is valid only for the order that made it.
  list_order order = list_order::oldest_first;
};

/// An execution that ended, as the metrics count it.
struct ended_execution_row {
  std::int64_t completed_at = 0;                          ///< When it ended, ms since the epoch.
  execution_status status = execution_status::completed;  ///< How it ended.
  std::optional<std::int64_t> execution_time_ms;  ///< How long it ran; none if it never started.
};

/// What happened to executions in a time window: when the ones that started there started,
/// and the ones that ended there.
struct execution_activity {
  std::vector<std::int64_t> started;       ///< Start times (creation while not started), ms.
  std::vector<ended_execution_row> ended;  ///< In no particular order.
};

/// The answer to create_execution: the stored execution, and whether it existed already.
struct created_execution {
  execution_record execution;  ///< The stored record (the first one on an idempotent repeat).
  bool existing = false;       ///< True when the idempotency key matched an earlier execution.
};

}  // namespace auraos::persistence
