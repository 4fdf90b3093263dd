#pragma once
// The node's HTTP server as a supervised child, so its status and restarts show in the tree.

#include <functional>
#include <memory>

#include "actors/supervision/supervisor.hpp"
#include "gateway/node_context.hpp"

namespace auraos::gateway {

class router;

/// Adds routes to the API's router (e.g. the test crash route, wired in by the node assembly).
using route_installer = std::function<void(router&)>;

/// A permanent "service" child named "http": a detached actor that starts the REST API server
/// (binding the port of its first start again after a restart) and stops it when it ends.
/// A server that cannot bind makes the actor fail, which its supervisor sees. `more_routes`
/// (if set) adds routes after the API's.
actors::supervision::child_spec http_service_child(std::shared_ptr<node_context> node,
                                                   route_installer more_routes = {});

}  // namespace auraos::gateway
