#pragma once
// The receiving side of forwarded calls: a call another member forwarded here is dispatched
// through this node's own routes (marked as forwarded, so never forwarded again) and its
// response travels back.

#include <memory>

#include "cluster/forward.hpp"
#include "gateway/node_context.hpp"

namespace auraos::gateway {

/// Spawns the handler the node's cluster endpoint hands forwarded calls to.
cluster::forward_handler spawn_forward_handler(std::shared_ptr<node_context> node);

}  // namespace auraos::gateway
