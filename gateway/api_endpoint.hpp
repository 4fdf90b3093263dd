#pragma once
// The actor message API of a node (`--api-listen HOST:PORT`, docs/client.md): an actor,
// published over the CAF middleman, that answers ApiCall envelopes through the node's own
// routes in Protobuf (so a call behaves exactly as the same REST call, reaching the owner in a
// cluster) and streams stored events to subscribers.

#include <cstdint>
#include <memory>
#include <string>

#include <caf/fwd.hpp>

#include "gateway/node_context.hpp"

namespace auraos::gateway {

/// A published API endpoint.
struct published_api {
  caf::actor actor;    ///< Send it an exit at shutdown (a published actor keeps CAF waiting).
  std::uint16_t port;  ///< The bound port (the one asked for, or the one chosen for port 0).
};

/// Spawns the endpoint answering through the routes of `node` and publishes it on
/// `host:port` (port 0: any free port) with the plain middleman (loaded by the caller).
/// The endpoint, or why publishing failed.
caf::expected<published_api> publish_api_endpoint(std::shared_ptr<node_context> node,
                                                  const std::string& host, std::uint16_t port);

}  // namespace auraos::gateway
