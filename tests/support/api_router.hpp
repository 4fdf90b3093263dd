#pragma once
// The router of a node without starting one: what `make_api_router` adds, for tests that look
// at the route table or dispatch requests whose handlers need no running services.

#include <memory>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include "gateway/api_routes.hpp"

namespace auraos::test {

/// The router of a node, built as `auraos serve` builds it (handlers run only on dispatch).
struct api_router {
  caf::actor_system_config config;
  caf::actor_system system{config};
  std::shared_ptr<gateway::node_context> node =
      std::make_shared<gateway::node_context>(system, runtime::node_config{});
  std::shared_ptr<gateway::router> routes = gateway::make_api_router(node);
};

}  // namespace auraos::test
