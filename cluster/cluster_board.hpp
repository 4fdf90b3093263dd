#pragma once
// What a node knows of its cluster, published by its lease keeper after every tick and read by
// the REST routes, the router and /metrics (plain data: no CAF here).

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace auraos::cluster {

/// A member as `GET /api/v1/cluster` shows it.
struct member_entry {
  std::string name;                       ///< Its node name.
  std::int64_t incarnation = 0;           ///< Its current incarnation.
  std::string cluster_address;            ///< HOST:PORT of its cluster endpoint.
  std::string http_address;               ///< HOST:PORT of its HTTP API.
  std::string status = "up";              ///< "up", "suspect" or "down".
  std::int64_t last_heartbeat_at_ms = 0;  ///< When it last beat (ms since the epoch).
  std::int64_t shard_count = 0;           ///< Shards whose valid lease it holds.
  std::int64_t started_at_ms = 0;         ///< When this incarnation joined.
};

/// A shard's lease as `GET /api/v1/cluster/shards` shows it.
struct shard_entry {
  std::int64_t shard = 0;                     ///< The shard.
  std::string owner;                          ///< The holder ('' when never owned).
  std::int64_t epoch = 0;                     ///< Its fencing token.
  std::optional<std::int64_t> expires_at_ms;  ///< When the lease ends; none: never.
  bool valid = false;                         ///< Owned and not expired.
};

/// A shard that changed hands through this node.
struct shard_move {
  std::int64_t shard = 0;  ///< The shard.
  std::string from;        ///< The previous owner ('' when none).
  std::string to;          ///< The new owner ('' when released).
  std::int64_t at_ms = 0;  ///< When (ms since the epoch).
  std::string reason;      ///< "free", "expired", "rebalance", "leave", "lost".
};

/// One consistent picture of the cluster.
struct cluster_snapshot {
  std::string self;                     ///< This node's name.
  std::int64_t incarnation = 0;         ///< This node's incarnation.
  std::int64_t shards = 0;              ///< The cluster's shard count.
  bool clustered = false;               ///< False for a cluster of one.
  std::vector<member_entry> nodes;      ///< Every member, by name.
  std::vector<shard_entry> leases;      ///< Every shard, by shard.
  bool moves_in_progress = false;       ///< Hand-overs of this node under way.
  std::optional<shard_move> last_move;  ///< The latest move this node made.
  std::int64_t owned = 0;               ///< Shards this node runs now.
};

/// True when `a` and `b` show the same members (name, incarnation, addresses, status, shard
/// count), the same valid lease owners and the same moves.
bool same_membership_and_ownership(const cluster_snapshot& a, const cluster_snapshot& b);

/// The latest snapshot and the node's cluster counters; shared by the keeper (writer) and the
/// HTTP handlers and router (readers).
class cluster_board {
 public:
  /// Replaces the snapshot; calls the change listener when membership or shard ownership
  /// differs from the previous snapshot (heartbeat times alone do not count).
  void publish(cluster_snapshot snapshot);
  /// Sets what publish() calls on a change (from the publishing thread; must be quick).
  void on_change(std::function<void(const cluster_snapshot&)> listener);
  /// The latest snapshot (never null).
  std::shared_ptr<const cluster_snapshot> snapshot() const;
  /// The owner of `shard` by the latest snapshot: its name when the lease is valid.
  std::optional<std::string> owner_of(std::int64_t shard) const;

  /// Counts a shard that changed hands through this node.
  void count_move() { ++moves_; }
  /// Counts a call forwarded to another node.
  void count_forwarded() { ++forwarded_; }
  /// Shards moved through this node since it started.
  std::int64_t moves_total() const { return moves_; }
  /// Calls forwarded to other nodes since this node started.
  std::int64_t forwarded_total() const { return forwarded_; }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const cluster_snapshot> snapshot_ = std::make_shared<cluster_snapshot>();
  std::function<void(const cluster_snapshot&)> listener_;
  std::atomic<std::int64_t> moves_{0};
  std::atomic<std::int64_t> forwarded_{0};
};

}  // namespace auraos::cluster
