#pragma once
// Internal to the execution actor: attempts of `publish_event` and `wait_event` nodes, which
// the events service carries out.

#include "actors/executions/execution_state.hpp"

namespace auraos::actors::executions::detail {

/// Stores the node's event (its id derived from the attempt, so a repeat stores nothing new);
/// the attempt's output is `{eventId}`.
void publish_event(execution_actor* self, const runtime::engine::start_attempt& a);

/// Registers the node's wait with the events service, which wakes the execution with the
/// matching event (stored since the execution was created) as the attempt's output.
void wait_event(execution_actor* self, const runtime::engine::start_attempt& a);

}  // namespace auraos::actors::executions::detail
