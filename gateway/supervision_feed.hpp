#pragma once
// Turns supervision tree changes into `supervision` messages of the node's live hub.

#include <chrono>
#include <memory>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "gateway/stream_writer.hpp"
#include "runtime/supervision/tree.hpp"

namespace auraos::gateway {

class node_context;

/// `(tree_changed_atom)`: some supervisor's child started, stopped, failed or restarted.
using tree_changed_atom = caf::atom_constant<caf::atom("svchanged")>;

/// The `supervision` message of `tree`: its data is exactly the body of GET /api/v1/supervision.
stream_chunk supervision_message(const runtime::supervision::supervision_tree_node& tree);

/// Spawns the feed: after a change it waits `gap` (gathering further changes), asks the root
/// for the whole tree and publishes it, so subscribers get at most one message per `gap`.
caf::actor spawn_supervision_feed(caf::actor_system& system, std::shared_ptr<node_context> node,
                                  std::chrono::milliseconds gap = std::chrono::milliseconds(100));

}  // namespace auraos::gateway
