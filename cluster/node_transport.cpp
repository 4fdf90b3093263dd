// Starting and stopping a node's endpoint and peers actor together.
#include "cluster/node_transport.hpp"

#include <caf/actor_system.hpp>
#include <caf/send.hpp>

#include "cluster/endpoint.hpp"

namespace auraos::cluster {

caf::expected<node_transport> start_transport(caf::actor_system& system, forward_handler handler,
                                              const std::string& host, std::uint16_t port,
                                              peers_options options) {
  const auto name = options.self_name;
  auto peers = spawn_peers(system, std::move(options));
  auto published = spawn_endpoint(system, name, std::move(handler), peers, host, port);
  if (!published) {
    caf::anon_send_exit(peers, caf::exit_reason::user_shutdown);
    return std::move(published.error());
  }
  caf::anon_send(peers, caf::put_atom::value, published->actor);
  return node_transport{published->actor, peers, published->port};
}

void stop_transport(const node_transport& transport) {
  caf::anon_send_exit(transport.peers, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(transport.endpoint, caf::exit_reason::user_shutdown);
}

}  // namespace auraos::cluster
