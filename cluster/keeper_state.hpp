#pragma once
// Internal to the lease keeper: its state and the steps its behaviour is made of.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "cluster/lease_keeper.hpp"
#include "runtime/cluster/keeper_step.hpp"

namespace auraos::cluster::detail {

/// The keeper's state.
struct keeper_actor_state {
  keeper_actor_state() = default;
  lease_keeper_options options;
  /// Decision state: local lease clock and move budget.
  runtime::cluster::keeper_state decisions;
  /// This node's incarnation (a new one after its leases ran out while it was away).
  std::int64_t incarnation = 0;
  /// Shards whose executions run here, with the epoch they were acquired under.
  std::map<std::int64_t, std::int64_t> running;
  /// Shards being handed over (still in `running` until released).
  std::set<std::int64_t> releasing;
  /// The executions service the running shards were granted to.
  caf::actor granted_to;
  /// The latest move this node made.
  std::optional<shard_move> last_move;
  /// The last members and leases read (for the snapshot).
  std::vector<persistence::cluster_node> members;
  std::vector<persistence::cluster_lease> leases;
  /// Leaving: no more moves, the hand-over of everything is under way.
  bool leaving = false;
  /// Left the cluster (a graceful stop): no more ticks.
  bool left = false;
  /// Another process joined under this node's name: this one runs nothing any more.
  bool displaced = false;
  static inline const char* name = "cluster";
};

/// The keeper actor.
using keeper_actor = caf::stateful_actor<keeper_actor_state>;

/// Publishes the snapshot of what the keeper saw at its last tick.
void publish_snapshot(keeper_actor* self);

/// The members other than this node that are not down, for the peers actor.
std::vector<member_address> reachable_members(const keeper_actor_state& s);

}  // namespace auraos::cluster::detail
