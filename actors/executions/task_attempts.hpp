#pragma once
// Internal to the execution actor: attempts of `task` nodes, which the tasks service (the pool)
// runs. The run is started with the attempt's idempotency key, so a re-issued attempt (after a
// restart) finds the same run; the actor watches the run until it ends.

#include "actors/executions/execution_state.hpp"

namespace auraos::actors::executions::detail {

/// `(task_poll_atom, node, attempt, run_id)`: look at a task node's run again.
using task_poll_atom = caf::atom_constant<caf::atom("taskpoll")>;

/// Starts (or finds) the run of a task node's attempt; its output is the run's output.
void start_task(execution_actor* self, const runtime::engine::start_attempt& a);

/// Looks at the run of a task node; when it ended, ends the attempt with its outcome.
void poll_task(execution_actor* self, const std::string& node, int attempt,
               const std::string& run_id);

}  // namespace auraos::actors::executions::detail
