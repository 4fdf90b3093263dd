#pragma once
// The cluster settings of one node (spec/cluster.md): where it listens, what it is called, its
// timings and its TLS files. No `--cluster-listen` = a cluster of one, exactly as a single node.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace auraos::runtime::cluster {

/// A `HOST:PORT` address (IPv6 hosts without their brackets).
struct host_port {
  /// Host name or IP address.
  std::string host;
  /// TCP port (0 = any, refused for the cluster).
  std::uint16_t port = 0;
};

/// Every cluster setting of a node, after defaults, the config file and flags were applied.
struct cluster_settings {
  /// `--cluster-listen`: where the cluster endpoint listens; none = single node.
  std::optional<host_port> listen;
  /// `--cluster-advertise`: the address other nodes dial (default: `listen`).
  std::optional<host_port> advertise;
  /// `--node-name`: unique and stable (default `<host name>:<cluster port>`).
  std::string node_name;
  /// `--shards`: the shard count asked for; none = the stored count (64 for a new cluster).
  std::optional<std::int64_t> shards;
  /// `heartbeatMs`: how often a node heartbeats and renews its leases.
  std::chrono::milliseconds heartbeat{500};
  /// `leaseMs`: how long a lease (and a member) lives without a heartbeat.
  std::chrono::milliseconds lease{2000};
  /// `forwardTimeoutMs`: how long a call forwarded to the owning node may take.
  std::chrono::milliseconds forward_timeout{5000};
  /// `--cluster-cert`: PEM certificate of this node, signed by the cluster's CA.
  std::string cert_file;
  /// `--cluster-key`: PEM private key of `cert_file`.
  std::string key_file;
  /// `--cluster-ca`: PEM certificate of the cluster's CA.
  std::string ca_file;
  /// `--insecure-cluster`: plain TCP between nodes even on a non-loopback address.
  bool insecure = false;
};

/// Shard counts `--shards` accepts.
inline constexpr std::int64_t min_shards = 1;
/// Shard counts `--shards` accepts.
inline constexpr std::int64_t max_shards = 4096;

/// True when the node joins a cluster (`--cluster-listen` given).
bool clustered(const cluster_settings& settings);

/// True when cluster traffic uses TLS (certificate files given).
bool uses_tls(const cluster_settings& settings);

/// The address other nodes dial: `advertise`, else `listen` (none when not clustered).
std::optional<host_port> advertised_address(const cluster_settings& settings);

/// `HOST:PORT`, with an IPv6 host in brackets.
std::string to_string(const host_port& address);

/// Parses `HOST:PORT` (IPv6 hosts in brackets); errors start with `flag`.
result<host_port, std::string> parse_host_port(const std::string& text, std::string_view flag);

/// Fills the defaults that depend on other settings: the advertised address (= listen) and the
/// node name (`host_name:PORT`). `host_name` is the machine's name, read by the caller.
cluster_settings with_defaults(cluster_settings settings, std::string_view host_name);

}  // namespace auraos::runtime::cluster
