#pragma once
// Carries the end of a sub-workflow child to the node that owns its parent (they can be on
// different nodes after a shard moved), and takes such ends from other nodes.

#include <functional>
#include <memory>

#include <caf/fwd.hpp>
#include <string>

#include "cluster/forward.hpp"
#include "gateway/node_context.hpp"

namespace auraos::gateway {

/// The forwarded-call kind that carries a child's end (`ForwardRequest.body`: the attempt
/// outcome, CAF-serialized).
inline constexpr const char* child_end_kind = "child_end";

/// Spawns the relay and registers it as `relay_registry_name`: it sends each child end to the
/// parent's owner, and tries again every second (for up to 10 minutes) while the parent's shard
/// has no reachable owner or the owner does not hold it any more.
/// Send it an exit at shutdown (the registry keeps it alive); it then leaves the registry.
caf::actor spawn_child_relay(std::shared_ptr<node_context> node);

/// Hands a child end that another node forwarded (kind `child_end_kind`) to this node's
/// executions service; the reply says whether it took it (202) or not (503: retry).
/// `self` is the actor that received the call; `answer` runs in its context.
void take_child_end(caf::event_based_actor* self, const std::shared_ptr<node_context>& node,
                    const v1::ForwardRequest& call, std::function<void(v1::ForwardReply)> answer);

}  // namespace auraos::gateway
