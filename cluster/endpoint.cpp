// The endpoint: hands forwarded calls to the handler and names this node in the answer.
#include "cluster/endpoint.hpp"

#include <caf/actor_system.hpp>
#include <caf/send.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "cluster/transport.hpp"

namespace auraos::cluster {

namespace {

endpoint_actor::behavior_type endpoint(endpoint_actor::pointer self, std::string node_name,
                                       forward_handler handler, peers_actor peers) {
  return {
      [=](forward_atom atom, v1::ForwardRequest& request) {
        auto promise = self->make_response_promise<v1::ForwardReply>();
        self->request(handler, caf::infinite, atom, std::move(request))
            .then(
                [=](v1::ForwardReply& reply) mutable {
                  reply.set_node(node_name);
                  promise.deliver(std::move(reply));
                },
                [=](caf::error& error) mutable { promise.deliver(std::move(error)); });
        return promise;
      },
      [=](hello_atom atom, std::string& name, caf::actor& remote) {
        return self->delegate(peers, atom, std::move(name), std::move(remote));
      },
  };
}

}  // namespace

caf::expected<published_endpoint> spawn_endpoint(caf::actor_system& system,
                                                 const std::string& node_name,
                                                 forward_handler handler, peers_actor peers,
                                                 const std::string& host, std::uint16_t port) {
  auto actor = system.spawn(endpoint, node_name, std::move(handler), std::move(peers));
  auto bound = publish(system, caf::actor_cast<caf::actor>(actor), port, host);
  if (!bound) {
    caf::anon_send_exit(actor, caf::exit_reason::user_shutdown);
    return std::move(bound.error());
  }
  return published_endpoint{actor, *bound};
}

}  // namespace auraos::cluster
