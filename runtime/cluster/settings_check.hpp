#pragma once
// Which combinations of cluster settings a node refuses before it starts (exit 2, one line).

#include <optional>
#include <string>

#include "runtime/node_config.hpp"

namespace auraos::runtime::cluster {

/// The reason `config`'s cluster settings are refused (one line naming the flags), or none.
/// Refused: `--cluster-listen` with sqlite; cluster flags without `--cluster-listen`; a listen
/// port 0; advertising an address nobody can dial (0.0.0.0, ::); a bad node name; `--shards`
/// outside 1..4096; `leaseMs` not more than twice `heartbeatMs`; only some of the certificate
/// files; certificates together with `--insecure-cluster`; a non-loopback listen without
/// certificates or `--insecure-cluster`.
std::optional<std::string> check_cluster_settings(const node_config& config);

/// True for 127.0.0.0/8, ::1 and `localhost`.
bool is_loopback(const std::string& host);

}  // namespace auraos::runtime::cluster
