#pragma once
// How a clustered node's actor system talks to the other nodes (plain data, no CAF).

#include <chrono>
#include <optional>

#include "cluster/tls_files.hpp"

namespace auraos::cluster {

/// The middleman settings of a clustered node; both sides of a connection must agree on them.
struct transport_options {
  /// Mutual TLS with these files; none: plain TCP (`--insecure-cluster`).
  std::optional<tls_files> tls;
  /// How often the middleman sends a heartbeat on every connection.
  std::chrono::milliseconds heartbeat_interval{250};
  /// A connection that received nothing for this long is closed (its actors go down).
  std::chrono::milliseconds connection_timeout{1000};
};

/// The transport of a node with heartbeat `heartbeat` and lease `lease`: a middleman heartbeat
/// every heartbeat/2 (at least 100 ms) and a connection timeout of lease/2 (at least two
/// heartbeat intervals), so a hung peer is dropped well before its leases run out.
transport_options transport_for(std::chrono::milliseconds heartbeat,
                                std::chrono::milliseconds lease, std::optional<tls_files> tls);

}  // namespace auraos::cluster
