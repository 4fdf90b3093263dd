#pragma once
// The commands and replies of the executions service as plain values: what the gateway, the CLI
// and other services exchange with it. No CAF here: the typed interface is in
// executions_service.hpp, the wire form in executions_wire.hpp.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "actors/executions/execution_view.hpp"
#include "runtime/error.hpp"
#include "runtime/result.hpp"

namespace auraos::actors::executions {

/// Starts an execution of a stored workflow (revision 0: the latest).
struct start_execution_command {
  std::string workflow_id;
  std::int64_t revision = 0;
  /// The execution input as JSON text ("null" when none was given).
  std::string input_json = "null";
  /// A repeat with the same key answers the first execution.
  std::string idempotency_key;
  /// The id of the user whose call starts it (the API's authenticated caller); empty: anonymous.
  std::string created_by = {};
  /// Equal when every field is.
  bool operator==(const start_execution_command&) const = default;
};

/// How one recovery went: unfinished executions re-activated, those that could not be, and
/// how long it took from reading them to the last activation.
struct recovery_report {
  /// Executions whose actor started.
  std::size_t recovered = 0;
  /// Executions that could not be activated.
  std::size_t failed = 0;
  /// From the start of recovery to its last activation.
  std::chrono::milliseconds took{0};
};

/// A refused request, with a message naming the problem.
struct execution_failure {
  errc code = errc::internal;  ///< The kind of refusal.
  std::string message;         ///< A sentence naming the problem.
  /// Further lines, e.g. every input error.
  std::vector<std::string> details;
  /// Equal when every field is.
  bool operator==(const execution_failure&) const = default;
};

/// The execution (its view), or why the request was refused.
using execution_reply = result<execution_view, execution_failure>;

/// A cheap answer about a live execution, read from its actor's state (no view rendered).
struct execution_brief {
  /// Sequence number of the last stored history record.
  std::int64_t seq = 0;
  /// The status name ("running", "paused", ...).
  std::string status;
  /// Equal when every field is.
  bool operator==(const execution_brief&) const = default;
};

/// The service's counters (for /metrics).
struct executions_counters {
  std::int64_t started = 0;                   ///< Executions created.
  std::map<std::string, std::int64_t> ended;  ///< Executions ended, by status name.
  std::int64_t attempts = 0;                  ///< Node attempts started.
  std::int64_t retries = 0;                   ///< Retries scheduled.
  std::int64_t active_actors = 0;             ///< Live and stopping execution actors.
  std::int64_t activations = 0;               ///< Execution actors activated.
  std::int64_t passivations = 0;              ///< Execution actors passivated.
  std::int64_t fenced_writes = 0;  ///< Writes the store refused: another node holds the shard.
  /// Equal when every field is.
  bool operator==(const executions_counters&) const = default;
};

/// A page of history, or why there is none.
using history_reply = result<history_page, execution_failure>;

}  // namespace auraos::actors::executions
