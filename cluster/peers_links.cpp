// The peers actor's connections: dialing with backoff and hello, taking hellos, members
// coming and going, connections going down.
#include <set>

#include <spdlog/spdlog.h>
#include <caf/actor_system.hpp>
#include <caf/send.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "cluster/peers_state.hpp"
#include "cluster/transport.hpp"

namespace auraos::cluster::detail {

namespace {

/// Schedules the next attempt for `name` and doubles its backoff.
void retry_later(peers_self self, const std::string& name, peer& p) {
  self->delayed_send(self, p.backoff, retry_atom::value, name, p.generation);
  p.backoff = std::min(p.backoff * 2, self->state.options.max_retry);
}

/// A failed attempt: logged at the first failure of a streak (a refused handshake shows
/// here), then every 30th with the count, so a member that stays away does not flood the log.
void connect_failed(peers_self self, const std::string& name, peer& p, std::string why) {
  p.connecting = false;
  if (++p.failures == 1 || p.failures % 30 == 0)
    spdlog::warn("cluster: cannot connect to node {} at {}: {} (attempt {}, retrying)", name,
                 p.address, why, p.failures);
  p.last_error = std::move(why);
  retry_later(self, name, p);
}

/// Uses `remote` as the endpoint of `p` from now on.
void attach(peers_self self, peer& p, endpoint_actor remote) {
  p.endpoint = std::move(remote);
  self->monitor(p.endpoint);
  p.connecting = false;
  p.backoff = self->state.options.first_retry;
  p.failures = 0;
  p.last_error.clear();
}

/// The peer answered our hello: connected.
void say_hello(peers_self self, const std::string& name, std::uint64_t generation,
               endpoint_actor remote) {
  auto current = [self, name, generation]() -> peer* {
    auto it = self->state.peers.find(name);
    return it != self->state.peers.end() && it->second.generation == generation ? &it->second
                                                                                : nullptr;
  };
  const auto& s = self->state;
  self->request(remote, s.options.connect_timeout, hello_atom::value, s.options.self_name,
                caf::actor_cast<caf::actor>(s.self_endpoint))
      .then(
          [=](caf::ok_atom) {
            if (auto* p = current()) {
              attach(self, *p, remote);
              spdlog::info("cluster: connected to node {} at {}", name, p->address);
            }
          },
          [=](caf::error& error) {
            if (auto* p = current()) connect_failed(self, name, *p, self->system().render(error));
          });
}

}  // namespace

bool dials(const peers_state& state, const std::string& name) {
  return state.options.self_name < name;
}

void fail_pending(peer& p, const std::string& why) {
  for (auto& [id, promise] : p.pending)
    promise.deliver(forward_reply(fail(forward_failure{errc::unavailable, why})));
  p.pending.clear();
}

void stop_connector(peer& p) {
  if (p.connector) caf::anon_send_exit(p.connector, caf::exit_reason::kill);
  p.connector = nullptr;
}

void connect(peers_self self, const std::string& name) {
  auto& p = self->state.peers.at(name);
  if (p.connecting || p.endpoint || !dials(self->state, name)) return;
  if (!p.target) return connect_failed(self, name, p, "malformed address");
  p.connecting = true;
  if (!p.connector) p.connector = spawn_connector(self->system());
  const auto generation = p.generation;
  self->request(p.connector, self->state.options.connect_timeout, caf::connect_atom::value,
                p.target->host, p.target->port)
      .then(
          [=](caf::node_id&, caf::strong_actor_ptr& remote, std::set<std::string>&) {
            auto it = self->state.peers.find(name);
            if (it == self->state.peers.end() || it->second.generation != generation) return;
            if (!remote) return connect_failed(self, name, it->second, "no endpoint there");
            say_hello(self, name, generation, caf::actor_cast<endpoint_actor>(std::move(remote)));
          },
          [=](caf::error& error) {
            auto it = self->state.peers.find(name);
            if (it != self->state.peers.end() && it->second.generation == generation)
              connect_failed(self, name, it->second, self->system().render(error));
          });
}

/// Forgets the connection of `p` (if any) and fails its pending calls with `why`.
void disconnect(peers_self self, peer& p, const std::string& why) {
  stop_connector(p);
  if (p.endpoint) self->demonitor(p.endpoint.address());
  p.endpoint = nullptr;
  p.connecting = false;
  p.generation = self->state.next_generation++;
  fail_pending(p, why);
}

void set_members(peers_self self, const std::vector<member_address>& members) {
  auto& peers = self->state.peers;
  std::set<std::string> wanted;
  for (const auto& m : members) {
    if (m.name == self->state.options.self_name) continue;
    wanted.insert(m.name);
    auto [it, added] = peers.try_emplace(m.name);
    auto& p = it->second;
    if (!added && p.address == m.address) continue;
    p.target = parse_address(m.address);
    if (!added && p.address.empty()) {  // it said hello before it was listed
      p.address = m.address;
      continue;
    }
    if (!added) disconnect(self, p, "node " + m.name + " moved to " + m.address);
    p.address = m.address;
    p.generation = self->state.next_generation++;
    p.backoff = self->state.options.first_retry;
    p.failures = 0;
    p.last_error = dials(self->state, m.name) ? "connecting" : "waiting for its hello";
    connect(self, m.name);
  }
  for (auto it = peers.begin(); it != peers.end();) {
    const bool unlisted_hello = it->second.address.empty() && it->second.endpoint;
    if (wanted.count(it->first) || unlisted_hello) {
      ++it;
      continue;
    }
    disconnect(self, it->second, "node " + it->first + " is no longer a member");
    it = peers.erase(it);
  }
}

void on_hello(peers_self self, const std::string& name, caf::actor remote) {
  auto& p = self->state.peers[name];
  if (p.endpoint && p.endpoint.address() == remote.address()) return;
  if (p.endpoint) disconnect(self, p, "node " + name + " connected again");
  p.generation = self->state.next_generation++;
  attach(self, p, caf::actor_cast<endpoint_actor>(std::move(remote)));
  spdlog::info("cluster: node {} connected to us", name);
}

void on_down(peers_self self, const caf::down_msg& down) {
  auto& peers = self->state.peers;
  for (auto it = peers.begin(); it != peers.end(); ++it) {
    auto& [name, p] = *it;
    if (!p.endpoint || p.endpoint.address() != down.source) continue;
    auto why = "connection to node " + name + " lost (" + self->system().render(down.reason) + ")";
    spdlog::warn("cluster: {}", why);
    p.endpoint = nullptr;
    p.generation = self->state.next_generation++;
    fail_pending(p, why);
    p.last_error = std::move(why);
    p.backoff = self->state.options.first_retry;
    if (p.address.empty())
      peers.erase(it);  // known only by its hello
    else if (dials(self->state, name))
      retry_later(self, name, p);
    return;
  }
}

}  // namespace auraos::cluster::detail
