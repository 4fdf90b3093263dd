#pragma once
// The state of one execution: the fold of its history records.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages/history.pb.h"
#include "runtime/definition/workflow.hpp"

namespace auraos::runtime::engine {

using runtime::json_ptr;
using runtime::definition::workflow;

/// Status of one node (spec "Executions").
enum class node_status {
  pending,
  running,
  waiting,
  retrying,
  completed,
  failed,
  skipped,
  cancelled
};

/// Status of the whole execution.
enum class execution_status { pending, running, paused, completed, failed, cancelled, timed_out };

/// An error of a node or of the execution.
struct node_error {
  std::string type;
  std::string message;
  bool retryable = false;
  /// Attempts made when the node ended.
  int attempts = 0;
  /// A JSON object whose members are added to the error's JSON (a failed shell attempt's
  /// `exitCode`, `stdout`, `stderr`; a refused child input's `details`); null when none.
  json_ptr fields{};
};

/// One node's progress.
struct node_state {
  node_status status = node_status::pending;
  /// Ready and waiting in the queue for a slot (maxParallel or pause).
  bool queued = false;
  /// Number of the current (or last) attempt; 0 before the first.
  int attempt = 0;
  /// The current attempt started and has no result yet.
  bool attempt_open = false;
  /// The retry wait is over but the next attempt has not started (execution paused).
  bool retry_due = false;
  json_ptr input;
  json_ptr output;
  std::optional<node_error> error;
  /// Rendered config, idempotency key and timeout deadline of the current attempt.
  std::string config_json;
  std::string idempotency_key;
  std::int64_t deadline_ms = 0;
  /// When the node started (its first attempt or delay timer) and ended; 0 when not yet.
  std::int64_t started_ms = 0;
  std::int64_t ended_ms = 0;
};

/// Whether a connection is decided and taken.
enum class edge_state { undecided, not_taken, taken };

/// A pending durable timer.
struct timer {
  std::int64_t deadline_ms = 0;
  v1::TimerPurpose purpose = v1::TIMER_UNSPECIFIED;
  std::string node;
  int attempt = 0;
};

/// Everything decide needs to know about an execution.
struct execution_state {
  execution_state() = default;
  std::string execution_id;
  std::string workflow_id;
  std::int64_t revision = 0;
  execution_status status = execution_status::pending;
  json_ptr input;
  json_ptr vars;
  json_ptr output;
  std::optional<node_error> error;
  std::map<std::string, node_state> nodes;
  /// Per connection of the definition, in order.
  std::vector<edge_state> connections;
  /// Pending timers by id.
  std::map<std::string, timer> timers;
  /// Ready nodes waiting for a slot, in order.
  std::vector<std::string> ready_queue;
  /// Records folded so far.
  std::int64_t seq = 0;
  /// The plain values of the secret variables by name (`vars` holds "***" for them): set by
  /// the execution actor from the sealed row, never recorded. Only the configs of shell and
  /// http attempts see them; every attempt result is masked with them before it is recorded.
  std::map<std::string, std::string> secrets = {};
};

/// The initial state of an execution of `wf` (all nodes pending).
execution_state initial_state(const workflow& wf);

/// The record form of an error.
v1::NodeError to_message(const node_error& error);

/// An error from its record form.
node_error from_message(const v1::NodeError& error);

/// Folds one history record into `state`.
void apply(execution_state& state, const v1::HistoryEvent& record);

/// Folds a whole history into the initial state of `wf`.
execution_state fold(const workflow& wf, const std::vector<v1::HistoryEvent>& history);

/// True for completed, failed, skipped and cancelled.
bool is_terminal(node_status status);

/// True for completed, failed, cancelled and timed_out.
bool is_finished(execution_status status);

/// Spelling of a node status ("retrying").
std::string_view to_string(node_status status);

/// Spelling of an execution status ("timed_out").
std::string_view to_string(execution_status status);

/// Parses a node status spelling; nullopt when unknown.
std::optional<node_status> parse_node_status(std::string_view text);

/// Parses an execution status spelling; nullopt when unknown.
std::optional<execution_status> parse_execution_status(std::string_view text);

}  // namespace auraos::runtime::engine
