#pragma once
// The lease keeper's decision for one tick: from its heartbeat's outcome and what it read of
// members and leases, which shards to stop at once, acquire and release. Pure: the keeper actor
// does the I/O (cluster_store) and carries the decision out.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/cluster/cluster_settings.hpp"
#include "runtime/cluster/lease_clock.hpp"
#include "runtime/cluster/local_time.hpp"
#include "runtime/cluster/move_budget.hpp"

namespace auraos::runtime::cluster {

/// A member as the keeper read it (ages by the database's clock).
struct member_view {
  /// Its node name.
  std::string name;
  /// Time since its last heartbeat.
  std::chrono::milliseconds heartbeat_age{0};
  /// True once it left gracefully.
  bool left = false;
};

/// A lease as the keeper read it (by the database's clock).
struct lease_view {
  /// The shard it leases.
  std::int64_t shard = 0;
  /// The owner's node name; empty = never owned.
  std::string owner;
  /// Time until it expires (zero or less: expired); none = never expires.
  std::optional<std::chrono::milliseconds> expires_in;
};

/// The outcome of one heartbeat (the member heartbeat and the renewal of its leases).
struct heartbeat_outcome {
  /// When the renewal started, on the local clock.
  time_point started;
  /// False when the database refused it or did not answer.
  bool ok = false;
  /// The shards whose leases it renewed (when `ok`).
  std::vector<std::int64_t> renewed;
  /// True when the database refused it because the member row has a newer incarnation: another
  /// process joined under this name, so every lease of this one is gone.
  bool fenced = false;
};

/// What the keeper knows at one tick.
struct keeper_tick {
  /// The time of the decision, on the local clock.
  time_point now;
  /// This tick's heartbeat; none when none was made. Moves are planned only after one succeeded.
  std::optional<heartbeat_outcome> heartbeat;
  /// Every member read after the heartbeat.
  std::vector<member_view> members;
  /// Every lease read after the heartbeat.
  std::vector<lease_view> leases;
  /// The cluster's shard count.
  std::int64_t shards = 0;
  /// Shards whose actors run on this node (those being released included).
  std::vector<std::int64_t> running;
  /// Shards this node is handing over (draining, not yet released).
  std::vector<std::int64_t> releasing;
};

/// What the keeper carries from tick to tick.
struct keeper_state {
  /// State for the default settings (an actor's state before it knows its settings).
  keeper_state() : keeper_state(cluster_settings{}) {}
  /// State for a node with `settings` (its name, lease and heartbeat): expired, budget full.
  explicit keeper_state(cluster_settings settings_in)
      : settings(std::move(settings_in)), clock(settings) {}
  /// This node's settings (its name and timings).
  cluster_settings settings;
  /// Local validity of the leases.
  lease_clock clock;
  /// Rate limit of releases.
  move_budget budget;
};

/// What to do now.
struct keeper_decision {
  /// True when the leases are no longer valid locally: every running shard is in `stop`.
  bool lost = false;
  /// Shards to stop at once without writing anything (their leases are gone).
  std::vector<std::int64_t> stop;
  /// Shards to acquire (free or expired), lowest first.
  std::vector<std::int64_t> acquire;
  /// Shards to hand over gracefully (stop starting work, store what is in flight, release).
  std::vector<std::int64_t> release;
};

/// Decides one tick: records a successful renewal in `state.clock`; stops everything when the
/// leases expired locally or the heartbeat was fenced; else stops running shards the renewal did
/// not renew, and after a successful heartbeat acquires free shards up to the target and releases
/// shards over it within `state.budget`.
keeper_decision keeper_step(keeper_state& state, const keeper_tick& tick);

}  // namespace auraos::runtime::cluster
