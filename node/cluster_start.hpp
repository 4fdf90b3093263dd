#pragma once
// What `serve` does before a clustered node starts: the checks that end the process with one
// line (exit 2 for refused settings, 1 for what cannot be reached), and joining the cluster.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cluster/transport_options.hpp"
#include "persistence/cluster_store.hpp"
#include "persistence/store.hpp"
#include "runtime/node_config.hpp"

namespace auraos::node {

/// Why a node does not start: the line to log and the process exit code.
struct start_refusal {
  int exit_code = 1;    ///< 2: refused settings; 1: something could not be reached.
  std::string message;  ///< One line naming the problem.
};

/// A clustered node after it joined.
struct cluster_start {
  /// The keeper's connection to the database.
  std::shared_ptr<persistence::cluster_store> store;
  /// The cluster's shard count and this node's incarnation.
  persistence::cluster_membership membership;
  /// The middleman settings (TLS files checked).
  cluster::transport_options transport;
};

/// The shard count of the node's database (fixed by its first node; `config.cluster.shards`
/// must agree when given).
result<std::int64_t, start_refusal> settle_shard_count(const runtime::node_config& config,
                                                       persistence::store& store);

/// For a node with `--cluster-listen`: checks its cluster port and TLS files, then joins the
/// cluster of its database. None for a node alone.
result<std::optional<cluster_start>, start_refusal> join_cluster(
    const runtime::node_config& config);

/// The name in `AuraOS-Node` and on a node alone's leases: `--node-name`, else the host name.
std::string node_name_of(const runtime::node_config& config);

}  // namespace auraos::node
