// Loading the middleman of a clustered node, and publishing through it.
#include "cluster/transport.hpp"

#include <algorithm>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/basp_broker.hpp>
#include <caf/io/middleman.hpp>
#include <caf/openssl/manager.hpp>
#include <caf/openssl/middleman_actor.hpp>
#include <caf/openssl/publish.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/wire.hpp"
#include "messages/cluster.pb.h"

namespace auraos::cluster {

transport_options transport_for(std::chrono::milliseconds heartbeat,
                                std::chrono::milliseconds lease, std::optional<tls_files> tls) {
  using std::chrono::milliseconds;
  transport_options options;
  options.tls = std::move(tls);
  options.heartbeat_interval = std::max(heartbeat / 2, milliseconds{100});
  options.connection_timeout = std::max(lease / 2, 2 * options.heartbeat_interval);
  return options;
}

void configure_transport(caf::actor_system_config& config, const transport_options& options) {
  config.load<caf::io::middleman>();
  config.set("middleman.heartbeat-interval", caf::timespan{options.heartbeat_interval});
  config.set("middleman.connection-timeout", caf::timespan{options.connection_timeout});
  if (options.tls) {
    config.load<caf::openssl::manager>();
    // Any openssl.* file set makes CAF require a verified certificate on both sides.
    config.openssl_certificate = options.tls->certificate;
    config.openssl_key = options.tls->key;
    config.openssl_cafile = options.tls->ca;
  }
  add_message_types(config);
}

void add_message_types(caf::actor_system_config& config) {
  config.add_message_type<v1::ForwardRequest>("auraos.cluster.forward_request");
  config.add_message_type<v1::ForwardReply>("auraos.cluster.forward_reply");
}

caf::io::middleman_actor connector(caf::actor_system& system) {
  if (system.has_openssl_manager()) return system.openssl_manager().actor_handle();
  return system.middleman().actor_handle();
}

caf::io::middleman_actor spawn_connector(caf::actor_system& system) {
  auto broker = system.middleman().named_broker<caf::io::basp_broker>(caf::atom("BASP"));
  if (system.has_openssl_manager()) return caf::openssl::make_middleman_actor(system, broker);
  return caf::io::make_middleman_actor(system, broker);
}

caf::expected<std::uint16_t> publish(caf::actor_system& system, const caf::actor& whom,
                                     std::uint16_t port, const std::string& host) {
  if (system.has_openssl_manager()) return caf::openssl::publish(whom, port, host.c_str(), true);
  return system.middleman().publish(whom, port, host.c_str(), true);
}

}  // namespace auraos::cluster
