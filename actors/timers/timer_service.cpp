// The node's timer service: one wake-up armed from the store, owners woken per kind.
#include "actors/timers/timer_service.hpp"

#include <algorithm>
#include <set>

#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/env.hpp"
#include "actors/registration.hpp"

namespace auraos::actors::timers {

namespace {

namespace p = persistence;

/// How long to wait before looking again when due timers are left (their owners were woken
/// but have not yet removed them).
constexpr std::int64_t due_again_ms = 50;
/// Due timers read per wake-up.
constexpr std::int64_t due_batch = 1000;

struct timer_state {
  timer_state() = default;
  store::store_actor store;
  timer_service_options options;
  /// The deadline the one armed wake-up is for (-1: none armed), and its generation.
  std::int64_t armed_deadline = -1;
  std::uint64_t generation = 0;
  /// The time of the last read of due timers: those due by then were handed to their owners.
  std::int64_t last_due_read = -1;
  /// The shards whose timers are read (a clustered node's); none: every shard.
  std::optional<std::vector<std::int64_t>> shards;
  static inline const char* name = "timers";
};

using timer_actor = caf::stateful_actor<timer_state>;

/// Arms the one wake-up for `deadline` unless one is armed for an earlier time.
void arm_at(timer_actor* self, std::int64_t deadline) {
  auto& s = self->state;
  if (deadline < 0 || (s.armed_deadline >= 0 && s.armed_deadline <= deadline)) return;
  s.armed_deadline = deadline;
  s.options.env->send_at(self, deadline, timer_wake_atom::value, ++s.generation);
}

/// Arms the wake-up for the store's earliest deadline; a timer already handed to its owner
/// (due by the last read) is looked at again a little later, if the owner has not removed it.
void arm_from_store(timer_actor* self) {
  auto& shards = self->state.shards;
  if (shards && shards->empty()) return;
  store::next_timer_deadline_query query;
  if (shards) query.shards = *shards;
  self->request(self->state.store, caf::infinite, std::move(query))
      .then([self](p::store_result<std::optional<std::int64_t>>& next) {
        if (!next || !*next) return;
        auto& s = self->state;
        arm_at(self, **next <= s.last_due_read ? s.options.env->now_ms() + due_again_ms : **next);
      });
}

/// Wakes the owners of `due`, once per owner, through the callback of their kind.
void wake(timer_actor* self, const std::vector<p::timer_record>& due) {
  std::set<std::string> ids;
  for (const auto& t : due) ids.insert(t.execution_id);
  auto owner = self->state.options.owners.find(execution_owner);
  if (owner == self->state.options.owners.end() || ids.empty()) return;
  owner->second(self, {ids.begin(), ids.end()});
}

void on_wake(timer_actor* self, std::uint64_t generation) {
  auto& s = self->state;
  if (generation != s.generation) return;
  s.armed_deadline = -1;
  if (s.shards && s.shards->empty()) return;
  s.last_due_read = s.options.env->now_ms();
  store::due_timers_query query{s.last_due_read, due_batch, {}};
  if (s.shards) query.shards = *s.shards;
  self->request(s.store, caf::infinite, std::move(query))
      .then([self](p::store_result<std::vector<p::timer_record>>& due) {
        if (due) wake(self, *due);
        arm_from_store(self);
      });
}

caf::behavior timer_service(timer_actor* self, store::store_actor store,
                            timer_service_options options) {
  self->state.store = std::move(store);
  self->state.options = std::move(options);
  self->state.options.env = env_or_real(self->state.options.env);
  if (self->state.options.clustered) self->state.shards.emplace();
  register_while_alive(self, timers_registry_name);
  arm_from_store(self);
  return {
      [self](arm_timer_atom, const std::string&, const std::string&, std::int64_t deadline) {
        arm_at(self, deadline);
      },
      [self](timer_wake_atom, std::uint64_t generation) { on_wake(self, generation); },
      [self](timer_shards_atom, std::vector<std::int64_t>& shards) {
        auto& s = self->state;
        if (!s.shards) return;  // a single node reads every shard
        s.shards = std::move(shards);
        s.armed_deadline = -1;
        ++s.generation;  // the wake-up armed for the old shards no longer counts
        arm_from_store(self);
      },
  };
}

}  // namespace

supervision::child_spec timer_service_child(store::store_actor store,
                                            timer_service_options options) {
  supervision::child_spec spec;
  spec.name = "timers";
  spec.kind = "service";
  spec.start = [store, options](caf::local_actor* parent) {
    return parent->spawn(timer_service, store, options);
  };
  return spec;
}

void arm_node_timer(caf::event_based_actor* self, const std::string& owner_kind,
                    const std::string& owner_id, std::int64_t deadline_ms) {
  auto timers = caf::actor_cast<caf::actor>(self->system().registry().get(timers_registry_name));
  if (timers) self->send(timers, arm_timer_atom::value, owner_kind, owner_id, deadline_ms);
}

void set_node_timer_shards(caf::event_based_actor* self, std::vector<std::int64_t> shards) {
  auto timers = caf::actor_cast<caf::actor>(self->system().registry().get(timers_registry_name));
  if (timers) self->send(timers, timer_shards_atom::value, std::move(shards));
}

}  // namespace auraos::actors::timers
