#pragma once
// The cluster keys of a node's JSON config file: a `cluster` object (`{"cluster": {"listen":
// "127.0.0.1:7101", "leaseMs": 2000}}`), the same keys dotted (`"cluster.leaseMs"`), and the
// flags' camelCase names at the top level (`clusterListen`, `nodeName`, `heartbeatMs`, ...).

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/cluster/cluster_settings.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::cluster {

/// Applies the top-level config key `key` to `settings`: none when `key` is not a cluster key,
/// else success or an error line naming the key.
std::optional<result<bool, std::string>> apply_cluster_key(cluster_settings& settings,
                                                           const std::string& key,
                                                           const nlohmann::json& value);

}  // namespace auraos::runtime::cluster
