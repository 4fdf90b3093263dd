// The lease keeper's behaviour: one tick per heartbeat (renew, read, decide, act, publish), and
// the graceful leave.
#include "cluster/lease_keeper.hpp"

#include <spdlog/spdlog.h>

#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/local_actor.hpp>
#include <caf/send.hpp>

#include "actors/executions/executions_service.hpp"
#include "actors/registration.hpp"
#include "cluster/keeper_state.hpp"

namespace auraos::cluster {

namespace detail {

namespace {

namespace p = persistence;
namespace rc = runtime::cluster;
namespace ex = actors::executions;

/// `(tick_atom)`: the keeper's own heartbeat.
using keeper_tick_atom = caf::atom_constant<caf::atom("keepertick")>;

/// How long a hand-over may take before the lease is released anyway (its writes are fenced
/// from then on).
constexpr std::chrono::seconds hand_over_timeout{10};

std::int64_t wall_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const std::string& self_name(const keeper_actor_state& s) {
  return s.options.settings.node_name;
}

caf::actor executions_service(keeper_actor* self) {
  return caf::actor_cast<caf::actor>(self->system().registry().get(ex::executions_registry_name));
}

void note_move(keeper_actor* self, std::int64_t shard, std::string from, std::string to,
               std::string reason) {
  self->state.last_move =
      shard_move{shard, std::move(from), std::move(to), wall_now_ms(), std::move(reason)};
  self->state.options.board->count_move();
}

/// Grants `fences` to the executions service (all running shards when it is a new one).
void grant(keeper_actor* self, std::vector<p::fence> fences) {
  auto& s = self->state;
  auto service = executions_service(self);
  if (!service) return;  // granted when it registers (ensure_granted)
  if (service != s.granted_to) {
    s.granted_to = service;
    fences.clear();
    for (const auto& [shard, epoch] : s.running)
      if (!s.releasing.count(shard)) fences.push_back({shard, epoch});
  }
  if (!fences.empty()) caf::anon_send(service, ex::shards_granted_atom::value, std::move(fences));
}

/// Re-grants every running shard to a restarted executions service.
void ensure_granted(keeper_actor* self) {
  auto service = executions_service(self);
  if (service && service != self->state.granted_to) grant(self, {});
}

/// Stops the executions of `shards` at once, without writing: their leases are gone.
void stop_lost(keeper_actor* self, const std::vector<std::int64_t>& shards,
               const std::string& why) {
  auto& s = self->state;
  if (shards.empty()) return;
  spdlog::warn("cluster: node {} lost {} shard(s) ({}); their executions stop without writing",
               self_name(s), shards.size(), why);
  for (auto shard : shards) {
    s.running.erase(shard);
    s.releasing.erase(shard);
    note_move(self, shard, self_name(s), "", "lost");
  }
  if (auto service = executions_service(self))
    caf::anon_send<caf::message_priority::high>(service, ex::shards_revoked_atom::value, shards,
                                                ex::revoke_mode::lost);
}

/// Joins again under a new incarnation (after the leases ran out while this node was away).
void rejoin(keeper_actor* self) {
  auto& s = self->state;
  auto joined = s.options.store->join(self_name(s),
                                      rc::to_string(*rc::advertised_address(s.options.settings)),
                                      s.options.http_address, s.options.membership.shards);
  if (!joined) {
    spdlog::warn("cluster: node {} cannot join again yet: {}", self_name(s),
                 joined.error().message);
    return;
  }
  s.incarnation = joined->incarnation;
  spdlog::info("cluster: node {} joined again as incarnation {}", self_name(s), s.incarnation);
}

void acquire(keeper_actor* self, const std::vector<std::int64_t>& shards) {
  auto& s = self->state;
  std::vector<p::fence> fences;
  auto lease_ms = s.options.settings.lease.count();
  for (auto shard : shards) {
    std::string from;
    for (const auto& l : s.leases)
      if (l.shard == shard) from = l.owner;
    auto got = s.options.store->acquire(shard, self_name(s), s.incarnation, lease_ms);
    if (!got || !*got) continue;
    s.running[shard] = (*got)->epoch;
    fences.push_back({shard, (*got)->epoch});
    note_move(self, shard, from, self_name(s), from.empty() ? "free" : "expired");
  }
  if (!fences.empty()) grant(self, std::move(fences));
}

/// Releases the lease of `shard` (after its executions stopped, or the hand-over timed out).
void release(keeper_actor* self, std::int64_t shard) {
  auto& s = self->state;
  auto it = s.running.find(shard);
  if (it == s.running.end()) return;
  auto released = s.options.store->release(shard, self_name(s), it->second);
  if (!released)
    spdlog::warn("cluster: releasing shard {} failed ({}); it expires instead", shard,
                 released.error().message);
  s.running.erase(it);
  s.releasing.erase(shard);
  note_move(self, shard, self_name(s), "", s.leaving ? "leave" : "rebalance");
}

/// Hands `shards` over: their executions store what is in flight and stop, then the leases
/// are released; `done` runs after the last one.
void hand_over(keeper_actor* self, std::vector<std::int64_t> shards, std::function<void()> done) {
  auto& s = self->state;
  for (auto shard : shards) s.releasing.insert(shard);
  auto finish = [self, shards, done] {
    for (auto shard : shards) release(self, shard);
    publish_snapshot(self);
    if (done) done();
  };
  auto service = executions_service(self);
  if (!service || shards.empty()) return finish();
  self->request(service, hand_over_timeout, ex::shards_revoked_atom::value, shards,
                ex::revoke_mode::graceful)
      .then([finish](caf::ok_atom) { finish(); }, [finish](caf::error&) { finish(); });
}

std::vector<std::int64_t> running_shards(const keeper_actor_state& s) {
  std::vector<std::int64_t> out;
  for (const auto& [shard, epoch] : s.running) out.push_back(shard);
  return out;
}

/// Heartbeats and renews; what the decision step needs to know of it.
rc::heartbeat_outcome heartbeat(keeper_actor* self) {
  auto& s = self->state;
  rc::heartbeat_outcome out{std::chrono::steady_clock::now(), false, {}, false};
  auto renewed =
      s.options.store->heartbeat(self_name(s), s.incarnation, s.options.settings.lease.count());
  if (renewed) {
    out.ok = true;
    for (const auto& lease : *renewed) out.renewed.push_back(lease.shard);
  } else {
    out.fenced = renewed.error().code == p::store_errc::fenced;
  }
  return out;
}

/// Reads members and leases; false when the database did not answer.
bool read_cluster(keeper_actor* self) {
  auto& s = self->state;
  auto members = s.options.store->nodes();
  auto leases = s.options.store->leases();
  if (!members || !leases) return false;
  s.members = std::move(*members);
  s.leases = std::move(*leases);
  return true;
}

rc::keeper_tick tick_input(const keeper_actor_state& s, rc::heartbeat_outcome hb) {
  rc::keeper_tick tick;
  tick.now = std::chrono::steady_clock::now();
  tick.heartbeat = std::move(hb);
  for (const auto& m : s.members)
    tick.members.push_back({m.name, std::chrono::milliseconds(m.heartbeat_age_ms), m.left});
  for (const auto& l : s.leases) {
    std::optional<std::chrono::milliseconds> expires_in;
    if (l.expires_in_ms) expires_in = std::chrono::milliseconds(*l.expires_in_ms);
    tick.leases.push_back({l.shard, l.owner, expires_in});
  }
  tick.shards = s.options.membership.shards;
  tick.running = running_shards(s);
  tick.releasing.assign(s.releasing.begin(), s.releasing.end());
  return tick;
}

void on_tick(keeper_actor* self) {
  auto& s = self->state;
  if (s.displaced || s.left) return;
  // Away past the lease (paused, starved): stop everything before anything else is sent.
  if (!s.running.empty() && s.decisions.clock.expired(std::chrono::steady_clock::now())) {
    stop_lost(self, running_shards(s), "the lease ran out before it could be renewed");
    rejoin(self);
  }
  auto hb = heartbeat(self);
  bool read = hb.ok && read_cluster(self);
  if (!read && hb.ok) hb.renewed = running_shards(s);  // renewed, but plan nothing this tick
  auto decision = rc::keeper_step(s.decisions, tick_input(s, hb));
  if (decision.lost) {
    stop_lost(self, decision.stop,
              hb.fenced ? "another process joined as this node"
                        : "the lease ran out before it could be renewed");
    if (hb.fenced) {
      spdlog::error("cluster: another process joined as {}; this one runs no shard any more",
                    self_name(s));
      s.displaced = true;
    } else {
      rejoin(self);
    }
  } else {
    stop_lost(self, decision.stop, "taken by another node");
    if (read && !s.leaving) {
      acquire(self, decision.acquire);
      if (!decision.release.empty()) hand_over(self, decision.release, {});
    }
  }
  ensure_granted(self);
  publish_snapshot(self);
  if (s.options.peers) caf::anon_send(s.options.peers, members_atom::value, reachable_members(s));
}

void schedule_tick(keeper_actor* self) {
  self->delayed_send(self, self->state.options.settings.heartbeat, keeper_tick_atom::value);
}

caf::behavior keeper(keeper_actor* self, lease_keeper_options options) {
  auto& s = self->state;
  s.decisions = rc::keeper_state(options.settings);
  s.incarnation = options.membership.incarnation;
  s.options = std::move(options);
  actors::register_while_alive(self, keeper_registry_name);
  self->send(self, keeper_tick_atom::value);
  return {
      [self](keeper_tick_atom) {
        on_tick(self);
        schedule_tick(self);
      },
      [self](leave_atom) {
        auto promise = self->make_response_promise();
        auto& st = self->state;
        st.leaving = true;
        hand_over(self, running_shards(st), [self, promise]() mutable {
          auto& s2 = self->state;
          s2.left = true;  // no more heartbeats: the database already says so
          auto left = s2.options.store->leave(self_name(s2), s2.incarnation);
          if (!left) spdlog::warn("cluster: leaving failed: {}", left.error().message);
          spdlog::info("cluster: node {} handed its shards over and left", self_name(s2));
          promise.deliver(caf::ok_atom::value);
        });
        return promise;
      },
  };
}

}  // namespace

}  // namespace detail

actors::supervision::child_spec lease_keeper_child(lease_keeper_options options) {
  actors::supervision::child_spec spec;
  spec.name = "cluster";
  spec.kind = "service";
  spec.start = [options](caf::local_actor* parent) {
    return parent->spawn<caf::detached>(detail::keeper, options);
  };
  return spec;
}

}  // namespace auraos::cluster
