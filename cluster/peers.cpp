// The peers actor: forwarded calls that fail at once when their member's connection goes down
// (the connections themselves: peers_links.cpp).
#include "cluster/peers.hpp"

#include <caf/actor_system.hpp>
#include <caf/send.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "cluster/peers_state.hpp"

namespace auraos::cluster {

namespace {

using namespace detail;
using self_ptr = peers_self;

forward_failure unavailable(std::string message) {
  return {errc::unavailable, std::move(message)};
}

caf::typed_response_promise<forward_reply> forward(self_ptr self, const std::string& name,
                                                   v1::ForwardRequest& request) {
  auto promise = self->make_response_promise<forward_reply>();
  auto it = self->state.peers.find(name);
  if (it == self->state.peers.end()) {
    promise.deliver(forward_reply(fail(unavailable("node " + name + " is not a member"))));
    return promise;
  }
  auto& p = it->second;
  if (!p.endpoint) {
    promise.deliver(
        forward_reply(fail(unavailable("node " + name + " is not connected: " + p.last_error))));
    return promise;
  }
  const auto id = self->state.next_request++;
  p.pending.emplace(id, promise);
  auto settle = [self, name, id](forward_reply reply) {
    auto it = self->state.peers.find(name);
    if (it == self->state.peers.end()) return;
    auto waiting = it->second.pending.find(id);
    if (waiting == it->second.pending.end()) return;  // already failed by a down_msg
    waiting->second.deliver(std::move(reply));
    it->second.pending.erase(waiting);
  };
  const auto timeout = self->state.options.forward_timeout;
  self->request(p.endpoint, timeout, forward_atom::value, std::move(request))
      .then([=](v1::ForwardReply& reply) { settle(std::move(reply)); },
            [=](caf::error& error) {
              auto why = error == caf::sec::request_timeout
                             ? "no answer within " + std::to_string(timeout.count()) + " ms"
                             : self->system().render(error);
              settle(fail(unavailable("forward to node " + name + " failed: " + why)));
            });
  return promise;
}

std::vector<peer_status> statuses(self_ptr self) {
  std::vector<peer_status> out;
  for (const auto& [name, p] : self->state.peers)
    out.push_back({name, p.address, static_cast<bool>(p.endpoint), p.last_error});
  return out;
}

peers_actor::behavior_type peers(self_ptr self, peers_options options) {
  self->state.options = std::move(options);
  // The connectors ignore ordinary exits: the peers actor ends them when it is told to exit.
  self->set_exit_handler([self](caf::exit_msg& exit) {
    for (auto& [name, p] : self->state.peers) stop_connector(p);
    self->quit(std::move(exit.reason));
  });
  self->set_down_handler([self](caf::down_msg& down) { on_down(self, down); });
  return {
      [self](members_atom, const std::vector<member_address>& members) {
        set_members(self, members);
      },
      [self](forward_atom, const std::string& name, v1::ForwardRequest& request) {
        return forward(self, name, request);
      },
      [self](caf::get_atom) { return statuses(self); },
      [self](hello_atom, const std::string& name, caf::actor& remote) {
        on_hello(self, name, std::move(remote));
        return caf::ok_atom::value;
      },
      [self](caf::put_atom, endpoint_actor& own) { self->state.self_endpoint = std::move(own); },
      [self](retry_atom, const std::string& name, std::uint64_t generation) {
        auto it = self->state.peers.find(name);
        if (it != self->state.peers.end() && it->second.generation == generation)
          connect(self, name);
      },
  };
}

}  // namespace

peers_actor spawn_peers(caf::actor_system& system, peers_options options) {
  return system.spawn(peers, std::move(options));
}

}  // namespace auraos::cluster
