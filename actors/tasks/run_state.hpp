#pragma once
// Internal to a run actor: its state and the steps of an attempt.

#include <functional>
#include <string>
#include <vector>

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/tasks/run_actor.hpp"
#include "runtime/handlers/work_result.hpp"

namespace auraos::actors::tasks::detail {

/// `(work_done_atom, attempt, work_result)`: the work of an attempt ended.
using work_done_atom = caf::atom_constant<caf::atom("trworkdone")>;
/// `(attempt_timeout_atom, attempt)`: the attempt's timeout passed.
using attempt_timeout_atom = caf::atom_constant<caf::atom("trtimeout")>;
/// `(lease_check_atom)`: an external run's lease may have expired.
using lease_check_atom = caf::atom_constant<caf::atom("trleasechk")>;
/// `(poll_child_atom)`: look at a subworkflow run's execution again.
using poll_child_atom = caf::atom_constant<caf::atom("trpoll")>;

/// A run actor's state.
struct run_state {
  run_state() = default;  // never an aggregate: see CAF-NOTES.md
  /// An attempt whose actor stops before it ended (node stop, lost shard) stops its work.
  ~run_state() {
    if (cancel && !ending && !child_work) cancel();
  }
  run_args args;
  /// Stops the running work (shell, http, child execution); empty when none runs.
  std::function<void()> cancel;
  /// The child execution of a subworkflow run.
  std::string child_id;
  /// The work is a child execution: it goes on when this actor stops (a re-run attempt finds it
  /// again by its idempotency key).
  bool child_work = false;
  /// Set once the attempt's end is decided: later results are ignored.
  bool ending = false;
  /// Log lines of this attempt, stored with its end.
  std::vector<persistence::task_log_line> lines;
};

/// A run actor.
using run_actor = caf::stateful_actor<run_state>;

/// Starts the attempt's work by the task's type.
void start_work(run_actor* self);
/// Looks at a subworkflow run's child execution; when it ended, ends the attempt with its
/// outcome, else looks again shortly (poll_child_atom).
void watch_child(run_actor* self);
/// Ends the attempt with `result`: decides what follows, stores it with the logs, tells the
/// pool and stops.
void end_attempt(run_actor* self, runtime::handlers::work_result result);
/// Adds a log line to the attempt (stream stdout, stderr or system).
void log_line(run_actor* self, std::string stream, std::string text);
/// A work_result failing with `type` and `message` (`retryable` per the error).
runtime::handlers::work_result failed(std::string type, std::string message, bool retryable);

}  // namespace auraos::actors::tasks::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::runtime::handlers::work_result)
