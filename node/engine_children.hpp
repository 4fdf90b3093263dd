#pragma once
// The engine's children of a node's root: the store actor, the timer service, the events
// service, the task pool and scheduler, then the executions service.

#include <memory>
#include <vector>

#include "actors/events/events_service.hpp"
#include "actors/executions/executions_service.hpp"
#include "actors/tasks/tasks_service.hpp"
#include "actors/supervision/supervisor.hpp"
#include "node/store_slot.hpp"
#include "persistence/store.hpp"

namespace auraos::node::detail {

/// The store child, the node's timer service, the events service and the executions service
/// child, in start order, for a `rest_for_one` root: the later ones restart with the new store
/// actor when the store restarts; their clocks and timers come from `options.env`. The events
/// service comes before the executions service: executions register their event waits with it
/// when they recover, and when it restarts (losing its waits) the executions service restarts
/// too and registers them again. The task pool and scheduler come before the executions
/// service, so that in a cluster they hear of the shards it acquires. Every
/// start of the store child records its actor in `slot`; `listener` (may be null) hears of
/// every commit of every incarnation of the store actor.
std::vector<actors::supervision::child_spec> engine_children(
    std::shared_ptr<persistence::store> store, actors::executions::executions_options options,
    actors::events::events_options events, actors::tasks::tasks_options tasks,
    std::shared_ptr<store_slot> slot,
    std::shared_ptr<actors::store::commit_listener> listener = nullptr);

}  // namespace auraos::node::detail
