#pragma once
// What the REST handlers of a node reach: the actor system, the live store actor, the root.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "actors/events/events_service.hpp"
#include "actors/executions/executions_service.hpp"
#include "actors/store/store_actor.hpp"
#include "cluster/cluster_board.hpp"
#include "cluster/peers.hpp"
#include "gateway/live_hub.hpp"
#include "runtime/node_config.hpp"

namespace auraos::gateway {

namespace auth {
class authenticator;
}

class tls_identity;

/// How a node reaches its cluster (a node alone has a board of one and no peers).
struct cluster_link {
  /// What the node knows of members and leases (never null once the node runs).
  std::shared_ptr<cluster::cluster_board> board;
  /// The connections to the other members; null for a node alone.
  cluster::peers_actor peers;
  /// forwardTimeoutMs.
  std::chrono::milliseconds forward_timeout{5000};
};

/// Handles shared between the node's children and the HTTP handlers; restarts replace them.
class node_context {
 public:
  /// A context for a node with `config`, running in `system`, publishing live updates to
  /// `live`.
  node_context(caf::actor_system& system, runtime::node_config config,
               std::shared_ptr<live_hub> live = std::make_shared<live_hub>())
      : system_(system), config_(std::move(config)), live_(std::move(live)) {}

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
  /// The registered events service, or null when it is not running.
  actors::events::events_actor events() const;
  /// Tells the events service that a workflow was stored, changed or deleted (its triggers);
  /// call before answering the request that changed it.
  void workflows_changed() const;

  /// This node's name (its cluster name, or the host name of a node alone): `AuraOS-Node`.
  std::string node_name() const;
  /// Sets the node's name.
  void set_node_name(std::string name);
  /// How the node reaches its cluster.
  cluster_link cluster() const;
  /// Sets how the node reaches its cluster.
  void set_cluster(cluster_link link);

  /// The node's live updates (never null).
  const std::shared_ptr<live_hub>& live() const { return live_; }
  /// Records the actor that turns supervision changes into messages (null: none runs).
  void set_supervision_feed(caf::actor feed);
  /// Tells the supervision feed that the tree changed, when someone listens (from any thread;
  /// cheap when nobody does).
  void supervision_changed() const;

  /// The node's token checks; null when authentication is off (every call is allowed).
  std::shared_ptr<auth::authenticator> authenticator() const;
  /// Sets the token checks (before the HTTP service starts).
  void set_authenticator(std::shared_ptr<auth::authenticator> checks);

  /// The HTTP port actually bound (0 before the first start).
  std::uint16_t http_port() const;
  /// Records the bound port, so a restarted HTTP service binds the same one.
  void set_http_port(std::uint16_t port);
  /// The HTTPS certificate (reloaded on SIGHUP); null: the node serves plain HTTP.
  std::shared_ptr<tls_identity> tls() const;
  /// Sets the HTTPS certificate (before the HTTP service starts).
  void set_tls(std::shared_ptr<tls_identity> tls);

 private:
  caf::actor_system& system_;
  runtime::node_config config_;
  mutable std::mutex mutex_;
  actors::store::store_actor store_;
  caf::actor root_;
  std::uint16_t http_port_ = 0;
  std::shared_ptr<tls_identity> tls_;
  std::string node_name_;
  cluster_link cluster_;
  std::shared_ptr<live_hub> live_;
  caf::actor supervision_feed_;
  std::shared_ptr<auth::authenticator> authenticator_;
};

}  // namespace auraos::gateway
