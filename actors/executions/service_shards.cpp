// Shards a clustered node gains and gives up: their leases' epochs fence every write of their
// executions; granted shards are recovered, revoked ones stop their execution actors.
#include <caf/actor_system.hpp>
#include <caf/actor_registry.hpp>
#include <caf/event_based_actor.hpp>

#include "actors/executions/event_requests.hpp"
#include "actors/executions/service_state.hpp"
#include "actors/timers/timer_service.hpp"

namespace auraos::actors::executions::detail {

namespace p = persistence;

namespace {

/// The shards this node holds now, in order.
std::vector<std::int64_t> held_shards(const service_state& s) {
  std::vector<std::int64_t> out;
  if (!s.leases) return out;
  for (std::size_t shard = 0; shard < s.leases->epochs.size(); ++shard)
    if (s.leases->epochs[shard] != 0) out.push_back(static_cast<std::int64_t>(shard));
  return out;
}

std::int64_t shard_count(const service_state& s) {
  return s.leases ? static_cast<std::int64_t>(s.leases->epochs.size()) : 0;
}

/// Tells the node's timer service which shards' timers to read, and its events service which
/// shards' event streams are its own (a clustered node's only).
void tell_shard_users(service_actor* self) {
  auto& s = self->state;
  if (!s.options.clustered) return;
  timers::set_node_timer_shards(self, held_shards(s));
  // The events service, the task pool and the task scheduler act on what this node holds.
  for (auto name : {events_registry_name, tasks_registry_name, tasks_scheduler_registry_name})
    if (auto user = caf::actor_cast<caf::actor>(self->system().registry().get(name)))
      self->send(user, event_shards_atom::value, held_shards(s), shard_count(s));
}

/// Stops the actor of a revoked shard: at once when the lease was lost, else after it stored
/// its interrupted attempts.
void stop_actor(service_actor* self, const caf::actor& actor, revoke_mode mode) {
  if (mode == revoke_mode::lost)
    self->send<caf::message_priority::high>(actor, lease_lost_atom::value);
  else
    self->send_exit(actor, caf::exit_reason::user_shutdown);
}

}  // namespace

bool holds(const service_state& s, const std::string& id) {
  return s.leases && s.leases->fence_for(id).has_value();
}

execution_failure not_held(const service_state& s, const std::string& id) {
  auto shard = p::shard_of(id, shard_count(s));
  return {errc::unavailable,
          "execution " + id + " belongs to shard " + std::to_string(shard) +
              ", which this node does not hold now; retry",
          {}};
}

void grant_shards(service_actor* self, const std::vector<p::fence>& fences) {
  auto& s = self->state;
  std::vector<std::int64_t> shards;
  for (const auto& f : fences) {
    if (!s.leases || f.shard < 0 || f.shard >= shard_count(s)) continue;
    s.leases->epochs[static_cast<std::size_t>(f.shard)] = f.epoch;
    shards.push_back(f.shard);
  }
  if (shards.empty()) return;
  tell_shard_users(self);
  recover(self, std::move(shards));
}

void revoke_shards(service_actor* self, const std::vector<std::int64_t>& shards, revoke_mode mode,
                   caf::typed_response_promise<caf::ok_atom> promise) {
  auto& s = self->state;
  std::set<std::int64_t> gone;
  for (auto shard : shards) {
    if (!s.leases || shard < 0 || shard >= shard_count(s)) continue;
    s.leases->epochs[static_cast<std::size_t>(shard)] = 0;
    gone.insert(shard);
  }
  tell_shard_users(self);
  auto in_gone = [&](const std::string& id) { return gone.count(p::shard_of(id, shard_count(s))); };
  revoke_wait wait{{}, promise};
  for (const auto& [id, actor] : s.live)
    if (in_gone(id)) {
      wait.ids.insert(id);
      stop_actor(self, actor, mode);
    }
  for (const auto& [id, actor] : s.stopping)
    if (in_gone(id)) wait.ids.insert(id);
  for (const auto& [id, waiters] : s.activating)
    if (in_gone(id)) wait.ids.insert(id);
  if (wait.ids.empty()) return promise.deliver(caf::ok_atom::value), void();
  s.revokes.push_back(std::move(wait));
}

void settle_revokes(service_actor* self, const std::string& id) {
  auto& s = self->state;
  if (s.revokes.empty()) return;
  if (s.live.count(id) || s.stopping.count(id) || s.activating.count(id)) return;
  for (auto it = s.revokes.begin(); it != s.revokes.end();) {
    it->ids.erase(id);
    if (!it->ids.empty()) {
      ++it;
      continue;
    }
    it->promise.deliver(caf::ok_atom::value);
    it = s.revokes.erase(it);
  }
}

}  // namespace auraos::actors::executions::detail
