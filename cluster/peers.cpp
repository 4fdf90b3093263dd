// The peers actor: one connection per member, reconnect with backoff, forwarded calls that
// fail at once when their member's connection goes down.
#include "cluster/peers.hpp"

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "cluster/peers_state.hpp"
#include "cluster/transport.hpp"

namespace auraos::cluster {

namespace {

using detail::peer;
using self_ptr = peers_actor::stateful_pointer<detail::peers_state>;

forward_failure unavailable(std::string message) {
  return {errc::unavailable, std::move(message)};
}

/// Answers every call waiting for `name` with `why` and forgets them.
void fail_pending(peer& p, const std::string& why) {
  for (auto& [id, promise] : p.pending) promise.deliver(forward_reply(fail(unavailable(why))));
  p.pending.clear();
}

void connect(self_ptr self, const std::string& name);

/// Schedules the next attempt for `name` and doubles its backoff.
void retry_later(self_ptr self, const std::string& name, peer& p) {
  self->delayed_send(self, p.backoff, retry_atom::value, name, p.generation);
  p.backoff = std::min(p.backoff * 2, self->state.options.max_retry);
}

/// A failed attempt: logged at the first failure of a streak (a refused handshake shows
/// here), then every 30th with the count, so a member that stays away does not flood the log.
void connect_failed(self_ptr self, const std::string& name, peer& p, std::string why) {
  p.connecting = false;
  if (++p.failures == 1 || p.failures % 30 == 0)
    spdlog::warn("cluster: cannot connect to node {} at {}: {} (attempt {}, retrying)", name,
                 p.address, why, p.failures);
  p.last_error = std::move(why);
  retry_later(self, name, p);
}

void connected(self_ptr self, const std::string& name, peer& p, caf::strong_actor_ptr remote) {
  p.connecting = false;
  if (!remote) return connect_failed(self, name, p, "no endpoint published there");
  p.endpoint = caf::actor_cast<endpoint_actor>(std::move(remote));
  self->monitor(p.endpoint);
  p.backoff = self->state.options.first_retry;
  p.failures = 0;
  p.last_error.clear();
  spdlog::info("cluster: connected to node {} at {}", name, p.address);
}

void connect(self_ptr self, const std::string& name) {
  auto& p = self->state.peers.at(name);
  if (p.connecting || p.endpoint) return;
  if (!p.target) return connect_failed(self, name, p, "malformed address");
  p.connecting = true;
  const auto generation = p.generation;
  auto current = [self, name, generation]() -> peer* {
    auto it = self->state.peers.find(name);
    return it != self->state.peers.end() && it->second.generation == generation ? &it->second
                                                                                : nullptr;
  };
  self->request(self->state.connector, self->state.options.connect_timeout,
                caf::connect_atom::value, p.target->host, p.target->port)
      .then(
          [=](caf::node_id&, caf::strong_actor_ptr& remote, std::set<std::string>&) {
            if (auto* q = current()) connected(self, name, *q, std::move(remote));
          },
          [=](caf::error& error) {
            if (auto* q = current()) connect_failed(self, name, *q, self->system().render(error));
          });
}

/// Forgets the connection of `p` (if any) and fails its pending calls with `why`.
void disconnect(self_ptr self, peer& p, const std::string& why) {
  if (p.endpoint) self->demonitor(p.endpoint.address());
  p.endpoint = nullptr;
  p.connecting = false;
  p.generation = self->state.next_generation++;
  fail_pending(p, why);
}

void set_members(self_ptr self, const std::vector<member_address>& members) {
  auto& peers = self->state.peers;
  std::set<std::string> wanted;
  for (const auto& m : members) {
    if (m.name == self->state.options.self_name) continue;
    wanted.insert(m.name);
    auto [it, added] = peers.try_emplace(m.name);
    auto& p = it->second;
    if (!added && p.address == m.address) continue;
    if (!added) disconnect(self, p, "node " + m.name + " moved to " + m.address);
    p.address = m.address;
    p.target = parse_address(m.address);
    p.generation = self->state.next_generation++;
    p.backoff = self->state.options.first_retry;
    p.failures = 0;
    p.last_error = "connecting";
    connect(self, m.name);
  }
  for (auto it = peers.begin(); it != peers.end();) {
    if (wanted.count(it->first)) {
      ++it;
      continue;
    }
    disconnect(self, it->second, "node " + it->first + " is no longer a member");
    it = peers.erase(it);
  }
}

/// The connection to a member went down: fail its calls now, reconnect after the backoff.
void on_down(self_ptr self, const caf::down_msg& down) {
  for (auto& [name, p] : self->state.peers) {
    if (!p.endpoint || p.endpoint.address() != down.source) continue;
    auto why = "connection to node " + name + " lost (" + self->system().render(down.reason) + ")";
    spdlog::warn("cluster: {}", why);
    p.endpoint = nullptr;
    p.generation = self->state.next_generation++;
    fail_pending(p, why);
    p.last_error = std::move(why);
    p.backoff = self->state.options.first_retry;
    retry_later(self, name, p);
    return;
  }
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
  self->state.connector = connector(self->system());
  self->set_down_handler([self](caf::down_msg& down) { on_down(self, down); });
  return {
      [self](members_atom, const std::vector<member_address>& members) {
        set_members(self, members);
      },
      [self](forward_atom, const std::string& name, v1::ForwardRequest& request) {
        return forward(self, name, request);
      },
      [self](caf::get_atom) { return statuses(self); },
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
