#pragma once
// The transport actors of a clustered node, started and stopped together.

#include <cstdint>
#include <string>

#include <caf/expected.hpp>
#include <caf/fwd.hpp>

#include "cluster/forward.hpp"
#include "cluster/peers.hpp"

namespace auraos::cluster {

/// A node's published endpoint and its peers actor.
struct node_transport {
  endpoint_actor endpoint;  ///< Published on the cluster port.
  peers_actor peers;        ///< Tell it the members; ask it to forward.
  std::uint16_t port = 0;   ///< The bound cluster port.
};

/// Spawns the peers actor (`options.self_name` is the node's name) and the endpoint answering
/// with `handler`, publishes the endpoint on `host:port` (port 0: any free port) over the
/// system's transport, and tells the peers actor its endpoint. Why publishing failed, if it did.
caf::expected<node_transport> start_transport(caf::actor_system& system, forward_handler handler,
                                              const std::string& host, std::uint16_t port,
                                              peers_options options);

/// Sends both actors an exit; call before the actor system ends (they keep it waiting).
void stop_transport(const node_transport& transport);

}  // namespace auraos::cluster
