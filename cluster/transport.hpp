#pragma once
// The middleman of a clustered node: loading it into a configuration, and the handle that
// publishes and connects (the OpenSSL manager's with TLS, the plain middleman's without).

#include <cstdint>
#include <string>

#include <caf/fwd.hpp>
#include <caf/io/middleman_actor.hpp>

#include "cluster/transport_options.hpp"

namespace auraos::cluster {

/// Loads `io::middleman` (and `openssl::manager` with TLS) into `config`, sets
/// `middleman.heartbeat-interval`, `middleman.connection-timeout` and the `openssl.*` files,
/// and registers the cluster's message types. Check the TLS files first (check_tls_files).
void configure_transport(caf::actor_system_config& config, const transport_options& options);

/// Registers the message types that travel between nodes of a cluster under stable names.
void add_message_types(caf::actor_system_config& config);

/// The actor that publishes and connects for `system`: the OpenSSL manager's when loaded,
/// else the plain middleman's. Only for a system built with configure_transport.
caf::io::middleman_actor connector(caf::actor_system& system);

/// A new connecting actor of its own for `system` (OpenSSL when loaded), on its own thread and
/// sharing the system's connections. CAF's connect is a blocking connect(): an address whose
/// host is gone blocks its connector for the kernel's SYN timeout (about two minutes), so each
/// peer connects through its own. It ignores ordinary exits: stop it with exit_reason::kill.
caf::io::middleman_actor spawn_connector(caf::actor_system& system);

/// Publishes `whom` on `host:port` (port 0: any free port) through connector(); the bound port.
caf::expected<std::uint16_t> publish(caf::actor_system& system, const caf::actor& whom,
                                     std::uint16_t port, const std::string& host);

}  // namespace auraos::cluster
