#pragma once
// The node's /metrics answer in the Prometheus text exposition format (version 0.0.4).

#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "actors/store/commit_stats.hpp"
#include "cluster/cluster_board.hpp"

namespace auraos::gateway {

/// The numbers /metrics shows, gathered from the store, the service and the supervision tree.
struct metrics_snapshot {
  /// Stored executions by status name ("running", "completed", ...).
  std::map<std::string, std::int64_t> executions_by_status;
  /// Whether the database took the readiness probe and answered the counts (the counts are
  /// left empty when it did not answer them).
  bool database_up = true;
  /// The store actor's group-commit numbers.
  actors::store::commit_stats commits;
  /// Sum of the restarts of every node of the supervision tree.
  std::int64_t actor_restarts = 0;
  /// The executions service's counters object (numbers by camelCase name); null when the
  /// service is not running.
  const nlohmann::json* service_counters = nullptr;
  /// The cluster as this node sees it (a node alone: itself with every shard).
  std::shared_ptr<const cluster::cluster_snapshot> cluster;
  /// Shards moved through this node, calls it forwarded, and writes the store fenced.
  std::int64_t shard_moves = 0;
  std::int64_t forwarded_requests = 0;
  std::int64_t fenced_writes = 0;
  /// Streams subscribed to the live hub now.
  std::int64_t live_subscribers = 0;
};

/// `nodeAttempts` -> `node_attempts`.
std::string snake_case(const std::string& camel);

/// Renders the snapshot: `auraos_executions{status}`, `auraos_service_*_total` counters (and
/// `auraos_service_*_actors` gauges for the `...Actors` numbers) from the service's counters,
/// `auraos_store_commit_latency_seconds` histogram, `auraos_actor_restarts_total`, and the
/// cluster's `auraos_cluster_nodes{status}`, `auraos_shards_owned`, `auraos_shard_moves_total`,
/// `auraos_forwarded_requests_total`, `auraos_fenced_writes_total`, and
/// `auraos_live_subscribers`.
std::string prometheus_text(const metrics_snapshot& snapshot);

}  // namespace auraos::gateway
