#pragma once
// The actor a clustered node publishes on its cluster port: other nodes send it the calls this
// node owns.

#include <cstdint>
#include <string>

#include <caf/expected.hpp>
#include <caf/fwd.hpp>

#include "cluster/forward.hpp"

namespace auraos::cluster {

/// The published endpoint: answers a forwarded call through the handler (same interface).
using endpoint_actor = forward_handler;

/// A spawned and published endpoint.
struct published_endpoint {
  endpoint_actor actor;  ///< Send it an exit at shutdown (a published actor keeps CAF waiting).
  std::uint16_t port;    ///< The bound port (the one asked for, or the one chosen for port 0).
};

/// Spawns the endpoint of node `node_name`, which hands every call to `handler` and stamps its
/// answer with `node_name`, and publishes it on `host:port` over the system's transport
/// (TLS when configured). The endpoint and its port, or why publishing failed.
caf::expected<published_endpoint> spawn_endpoint(caf::actor_system& system,
                                                 const std::string& node_name,
                                                 forward_handler handler, const std::string& host,
                                                 std::uint16_t port);

}  // namespace auraos::cluster
