#pragma once
// The actor a clustered node publishes on its cluster port: other nodes send it the calls this
// node owns, and their hello when they connect.

#include <cstdint>
#include <string>

#include <caf/expected.hpp>
#include <caf/fwd.hpp>

#include "cluster/forward.hpp"
#include "cluster/peers.hpp"

namespace auraos::cluster {

/// A spawned and published endpoint.
struct published_endpoint {
  endpoint_actor actor;  ///< Send it an exit at shutdown (a published actor keeps CAF waiting).
  std::uint16_t port;    ///< The bound port (the one asked for, or the one chosen for port 0).
};

/// Spawns the endpoint of node `node_name`, which hands every call to `handler` (stamping the
/// answer with `node_name`) and every hello to `peers`, and publishes it on `host:port` over
/// the system's transport (TLS when configured). The endpoint and its port, or why publishing
/// failed. start_transport does this and wires the peers actor.
caf::expected<published_endpoint> spawn_endpoint(caf::actor_system& system,
                                                 const std::string& node_name,
                                                 forward_handler handler, peers_actor peers,
                                                 const std::string& host, std::uint16_t port);

}  // namespace auraos::cluster
