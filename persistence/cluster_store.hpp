#pragma once
// The cluster store: members, their heartbeats and shard leases that expire (PostgreSQL only).
// Synchronous, on its own connection: the lease keeper calls it directly, never through the
// group-commit store actor. Every time is the database's clock (spec/cluster.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// What joining the cluster answered.
struct cluster_membership {
  std::int64_t shards = 0;       ///< The cluster's shard count.
  std::int64_t incarnation = 0;  ///< This start of the node (1, 2, ... per name).
};

/// A shard's lease as the cluster sees it.
struct cluster_lease {
  std::int64_t shard = 0;        ///< The shard.
  std::string owner;             ///< The holding node's name; '' when never owned.
  std::int64_t incarnation = 0;  ///< The holder's incarnation (0: a single node's lease).
  std::int64_t epoch = 0;        ///< The fencing token; bumped by every acquisition.
  std::optional<std::int64_t> expires_in_ms;  ///< Until it ends (<= 0: ended); none: never.
  std::optional<std::int64_t> expires_at_ms;  ///< When it ends (ms since the epoch); none: never.
};

/// A member of the cluster.
struct cluster_node {
  std::string name;                   ///< Unique, stable node name.
  std::int64_t incarnation = 0;       ///< Bumped each time the node joins.
  std::string cluster_address;        ///< HOST:PORT of its cluster endpoint.
  std::string http_address;           ///< HOST:PORT of its HTTP API.
  std::int64_t started_at_ms = 0;     ///< When it joined (ms since the epoch).
  std::int64_t heartbeat_age_ms = 0;  ///< Since its last heartbeat.
  bool left = false;                  ///< True once it left gracefully.
};

/// Membership and leases of a cluster sharing one database.
class cluster_store {
 public:
  virtual ~cluster_store() = default;

  /// Joins as `node_name` (again: the incarnation is bumped, `left` cleared); fixes the shard
  /// count (`shards`, else 64) or checks it (conflict naming both values); creates the lease
  /// rows of unowned shards.
  virtual store_result<cluster_membership> join(const std::string& node_name,
                                                const std::string& cluster_address,
                                                const std::string& http_address,
                                                std::optional<std::int64_t> shards) = 0;

  /// Records the member's heartbeat and renews, to now + lease_ms, the leases it holds under
  /// this incarnation that have not expired; returns them by shard. Fenced when the member
  /// joined again (a newer incarnation), left, or is unknown.
  virtual store_result<std::vector<cluster_lease>> heartbeat(const std::string& node_name,
                                                             std::int64_t incarnation,
                                                             std::int64_t lease_ms) = 0;

  /// Takes `shard` (epoch + 1, expiring at now + lease_ms) when it is free, expired, already
  /// the node's, or held without expiry by a node that is no live member; none when another
  /// live owner holds it. Fenced as heartbeat is.
  virtual store_result<std::optional<cluster_lease>> acquire(std::int64_t shard,
                                                             const std::string& node_name,
                                                             std::int64_t incarnation,
                                                             std::int64_t lease_ms) = 0;

  /// Ends the node's lease of `shard` at `epoch` now (nothing when it holds no such lease):
  /// writes under that epoch are fenced from then on; waits for those in flight.
  virtual store_status release(std::int64_t shard, const std::string& node_name,
                               std::int64_t epoch) = 0;

  /// Leaves the cluster: the member is marked left and its leases end now.
  virtual store_status leave(const std::string& node_name, std::int64_t incarnation) = 0;

  /// Every member (also those that left or stopped beating), by name.
  virtual store_result<std::vector<cluster_node>> nodes() = 0;

  /// Every lease row, by shard.
  virtual store_result<std::vector<cluster_lease>> leases() = 0;
};

}  // namespace auraos::persistence
