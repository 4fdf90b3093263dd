#pragma once
// Keeps a node's revoked set current: reads the revocations stored after the last one it saw
// every `revocationPollMs` (any node of the cluster may have stored them) and, once a minute,
// deletes those of tokens that have expired anyway.

#include <memory>

#include <caf/fwd.hpp>

#include "gateway/node_context.hpp"

namespace auraos::gateway::auth {

/// Spawns the poller of `node`'s authenticator (the caller stops it with an exit message).
caf::actor spawn_revocation_poller(const std::shared_ptr<node_context>& node);

}  // namespace auraos::gateway::auth
