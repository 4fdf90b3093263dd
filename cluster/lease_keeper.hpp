#pragma once
// The lease keeper of a clustered node: heartbeats the node and renews its shard leases in the
// database on their own connection, stops the executions of shards it can no longer renew at
// once (without writing), acquires free and expired shards up to an even share, hands over
// shards another member is short of (rate limited), and publishes what it sees.

#include <cstdint>
#include <memory>
#include <string>

#include <caf/atom.hpp>

#include "actors/supervision/supervisor.hpp"
#include "cluster/cluster_board.hpp"
#include "cluster/peers.hpp"
#include "persistence/cluster_store.hpp"
#include "runtime/cluster/cluster_settings.hpp"

namespace auraos::cluster {

/// `(leave_atom)`: to the keeper at a graceful stop: hands every shard over (executions store
/// what is in flight), releases the leases and leaves the cluster; replies `ok_atom`.
using leave_atom = caf::atom_constant<caf::atom("leave")>;

/// The name under which the live keeper is found in the actor registry.
inline constexpr caf::atom_value keeper_registry_name = caf::atom("cluster");

/// What the keeper needs.
struct lease_keeper_options {
  /// The node's cluster settings (defaults filled).
  runtime::cluster::cluster_settings settings;
  /// The node's HTTP address, HOST:PORT (shown to the other members).
  std::string http_address;
  /// The database, on a connection of the keeper's own.
  std::shared_ptr<persistence::cluster_store> store;
  /// What joining answered at the node's start (shard count, incarnation).
  persistence::cluster_membership membership;
  /// Where the keeper publishes the cluster as it sees it.
  std::shared_ptr<cluster_board> board;
  /// The node's connections to the other members (told the member list every tick).
  peers_actor peers;
};

/// The child spec ("cluster") that runs the keeper on a thread of its own (its database calls
/// block) under the node supervisor; it grants shards to the registered executions service.
actors::supervision::child_spec lease_keeper_child(lease_keeper_options options);

}  // namespace auraos::cluster
