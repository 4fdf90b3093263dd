#pragma once
// The engine's children of a node's root: the store actor, the timer service, then the
// executions service.

#include <memory>
#include <vector>

#include "actors/executions/executions_service.hpp"
#include "actors/supervision/supervisor.hpp"
#include "node/store_slot.hpp"
#include "persistence/store.hpp"

namespace auraos::node::detail {

/// The store child, the node's timer service and the executions service child, in start order,
/// for a `rest_for_one` root: the later ones restart with the new store actor when the store
/// restarts; their clocks and timers come from `options.env`. Every
/// start of the store child records its actor in `slot`; `listener` (may be null) hears of
/// every commit of every incarnation of the store actor.
std::vector<actors::supervision::child_spec> engine_children(
    std::shared_ptr<persistence::store> store, actors::executions::executions_options options,
    std::shared_ptr<store_slot> slot,
    std::shared_ptr<actors::store::commit_listener> listener = nullptr);

}  // namespace auraos::node::detail
