#pragma once
// What the REST handlers of a node reach: the actor system, the live store actor, the root.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "actors/executions/executions_service.hpp"
#include "actors/store/store_actor.hpp"
#include "runtime/node_config.hpp"

namespace auraos::gateway {

/// Handles shared between the node's children and the HTTP handlers; restarts replace them.
class node_context {
 public:
  /// A context for a node with `config`, running in `system`.
  node_context(caf::actor_system& system, runtime::node_config config)
      : system_(system), config_(std::move(config)) {}

  /// The actor system of the node.
  caf::actor_system& system() const { return system_; }
  /// The node's settings.
  const runtime::node_config& config() const { return config_; }

  /// The live store actor (null before it started).
  actors::store::store_actor store() const;
  /// Records the store actor after each (re)start.
  void set_store(actors::store::store_actor store);
  /// The root supervisor (null before the node started).
  caf::actor root() const;
  /// Records the root supervisor.
  void set_root(caf::actor root);
  /// The registered executions service, or null when it is not running.
  actors::executions::executions_actor executions() const;

  /// The HTTP port actually bound (0 before the first start).
  std::uint16_t http_port() const;
  /// Records the bound port, so a restarted HTTP service binds the same one.
  void set_http_port(std::uint16_t port);

 private:
  caf::actor_system& system_;
  runtime::node_config config_;
  mutable std::mutex mutex_;
  actors::store::store_actor store_;
  caf::actor root_;
  std::uint16_t http_port_ = 0;
};

}  // namespace auraos::gateway
