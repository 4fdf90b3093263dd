#include "gateway/http_service.hpp"

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/local_actor.hpp>
#include <caf/send.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/auth/revocation_poller.hpp"
#include "gateway/http_server.hpp"
#include "gateway/supervision_feed.hpp"

namespace auraos::gateway {
namespace {

server_options options_of(const node_context& node) {
  server_options options;
  options.host = node.config().http_host;
  options.port = node.http_port() != 0 ? node.http_port() : node.config().http_port;
  options.body_limit = node.config().max_body_bytes;
  options.limits = node.config().http_limits;
  options.header_limit = static_cast<std::uint32_t>(options.limits.max_header_bytes);
  options.tls = node.tls();
  return options;
}

std::string url_of(const server_options& options, std::uint16_t port) {
  const auto& host = options.host;
  bool ipv6 = host.find(':') != std::string::npos;
  return (options.tls ? "https://" : "http://") + (ipv6 ? "[" + host + "]" : host) + ":" +
         std::to_string(port);
}

caf::behavior http_service(caf::event_based_actor* self, std::shared_ptr<node_context> node,
                           const route_installer& more_routes) {
  auto routes = make_api_router(node);
  if (more_routes) more_routes(*routes);
  auto options = options_of(*node);
  auto server = std::make_shared<http_server>(options, routes->handler());
  auto started = server->start();
  if (!started) {
    spdlog::error("http: {}", started.error());
    self->quit(caf::make_error(caf::sec::runtime_error, "http: " + started.error()));
    return {};
  }
  bool first = node->http_port() == 0;
  node->set_http_port(*started);
  if (first)
    spdlog::info("listening on {}", url_of(options, *started));
  else
    spdlog::info("http: restarted on {}", url_of(options, *started));
  auto feed = spawn_supervision_feed(self->system(), node);
  node->set_supervision_feed(feed);
  caf::actor poller;
  if (node->authenticator()) poller = auth::spawn_revocation_poller(node);
  self->attach_functor([server, routes, node, feed, poller] {
    node->set_supervision_feed(nullptr);
    caf::anon_send_exit(feed, caf::exit_reason::user_shutdown);
    if (poller) caf::anon_send_exit(poller, caf::exit_reason::user_shutdown);
    server->stop();
  });
  auto port = *started;
  return {[port](caf::get_atom) { return port; }};
}

}  // namespace

actors::supervision::child_spec http_service_child(std::shared_ptr<node_context> node,
                                                   route_installer more_routes) {
  actors::supervision::child_spec spec;
  spec.name = "http";
  spec.kind = "service";
  spec.start = [node, more_routes](caf::local_actor* parent) {
    return parent->system().spawn<caf::detached>(http_service, node, more_routes);
  };
  return spec;
}

}  // namespace auraos::gateway
