#pragma once
// The workflow semantics as one pure function: decide(state, event) -> records + effects.

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "runtime/engine/state.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::engine {

/// Starts the execution with an input (checked against the workflow's variables).
struct start_event {
  std::string execution_id;
  std::int64_t revision = 0;
  json_ptr input;
};
/// An attempt of an external node (shell, http, subworkflow) completed.
struct attempt_completed_event {
  std::string node;
  int attempt = 0;
  json_ptr output;
};
/// An attempt of an external node failed.
struct attempt_failed_event {
  std::string node;
  int attempt = 0;
  node_error error;
};
/// A timer set by an earlier decision is due.
struct timer_fired_event {
  std::string timer_id;
};
/// The user paused the execution.
struct pause_event {};
/// The user resumed the execution.
struct resume_event {};
/// The user cancelled the execution.
struct cancel_event {
  std::string reason;
};
/// The execution was re-activated from its history after a restart.
struct recovered_event {};

/// Everything that can happen to an execution.
using event =
    std::variant<start_event, attempt_completed_event, attempt_failed_event, timer_fired_event,
                 pause_event, resume_event, cancel_event, recovered_event>;

/// Start one attempt of an external node (shell or http).
struct start_attempt {
  std::string node;
  int attempt = 0;
  runtime::definition::node_type type = runtime::definition::node_type::shell;
  json_ptr config;
  /// "EXECUTION_ID/NODE_ID/ATTEMPT".
  std::string idempotency_key;
  /// Absolute deadline of the attempt timeout; 0 when none.
  std::int64_t deadline_ms = 0;
};
/// Stop a running attempt; its result, if any arrives, is ignored.
struct cancel_attempt {
  std::string node;
  int attempt = 0;
};
/// Fire timer_fired_event{id} at deadline_ms (at once when it is past).
struct set_timer {
  std::string id;
  std::int64_t deadline_ms = 0;
};
/// Forget a timer; a late firing is ignored anyway.
struct cancel_timer {
  std::string id;
};
/// Start a child execution for a subworkflow node; its end comes back as an attempt result.
struct start_child_execution {
  std::string node;
  int attempt = 0;
  /// The stored workflow's id, or empty when `file` names the definition.
  std::string workflow_id;
  std::string file;
  json_ptr input;
  std::string idempotency_key;
  std::int64_t deadline_ms = 0;
};
/// The execution ended.
struct finished {
  execution_status status = execution_status::completed;
  json_ptr output;
  std::optional<node_error> error;
};

/// Work the actor carries out after storing the records.
using effect = std::variant<start_attempt, cancel_attempt, set_timer, cancel_timer,
                            start_child_execution, finished>;

/// What follows from one event: records to store first, then effects to carry out.
struct decision {
  std::vector<v1::HistoryEvent> records;
  std::vector<effect> effects;
};

/// Why an event was refused.
enum class refusal {
  /// Not allowed in the current status (the API answers 409).
  conflict,
  /// The workflow or the input cannot run (the API answers 400).
  invalid,
};

/// A refused event with a message naming the problem.
struct engine_error {
  refusal code = refusal::conflict;
  std::string message;
};

/// What decide may not take from the world itself: time and randomness.
struct decide_context {
  /// Now, in milliseconds since the epoch.
  std::int64_t now_ms = 0;
  /// A uniform random number in [0, 1), for retry jitter.
  std::function<double()> random;
};

/// What follows from `ev` in `state`; `state` is not changed (apply the records to it).
result<decision, engine_error> decide(const workflow& wf, const execution_state& state,
                                      const event& ev, const decide_context& context);

}  // namespace auraos::runtime::engine
