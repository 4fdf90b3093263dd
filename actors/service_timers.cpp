// The service's one wake-up, armed from the store: passivated executions cost no memory here.
#include "actors/service_state.hpp"

#include <set>

namespace auraos::actors::detail {

namespace {

/// How long to wait before looking again when due timers are left (live actors fire their own).
constexpr std::int64_t due_again_ms = 50;
/// Due timers read per wake-up.
constexpr std::int64_t due_batch = 1000;

/// Arms the one delayed wake-up for `deadline` unless one is armed for an earlier time.
void arm_at(service_actor* self, std::int64_t deadline) {
  auto& s = self->state;
  if (deadline < 0 || (s.armed_deadline >= 0 && s.armed_deadline <= deadline)) return;
  s.armed_deadline = deadline;
  auto delay = std::chrono::milliseconds(std::max<std::int64_t>(0, deadline - service_now_ms()));
  self->delayed_send(self, delay, wake_atom::value, ++s.wake_generation);
}

/// Tells each execution of `due` that its timers are due, activating it when it is not live.
void wake(service_actor* self, const std::vector<p::timer_record>& due) {
  std::set<std::string> ids;
  for (const auto& t : due) ids.insert(t.execution_id);
  for (const auto& id : ids) {
    auto live = self->state.live.find(id);
    if (live != self->state.live.end())
      self->send(live->second, timers_due_atom::value);
    else
      with_actor(
          self, id, [](caf::actor) {}, [](execution_failure) {});
  }
}

}  // namespace

void arm_from_store(service_actor* self) {
  self->request(self->state.store, caf::infinite, next_timer_deadline_query{})
      .then([self](p::store_result<std::optional<std::int64_t>>& next) {
        if (!next || !*next) return;
        auto now = service_now_ms();
        arm_at(self, **next <= now ? now + due_again_ms : **next);
      });
}

void on_timer_armed(service_actor* self, std::int64_t deadline_ms) {
  arm_at(self, deadline_ms);
}

void on_passivated(service_actor* self, const std::string& id, std::int64_t deadline_ms) {
  auto& s = self->state;
  ++s.counters.passivations;
  auto sender = caf::actor_cast<caf::actor>(self->current_sender());
  if (auto it = s.live.find(id); it != s.live.end() && it->second == sender) {
    s.live.erase(it);
    s.stopping[id] = sender;
  }
  arm_at(self, deadline_ms);
}

void on_wake(service_actor* self, std::uint64_t generation) {
  auto& s = self->state;
  if (generation != s.wake_generation) return;
  s.armed_deadline = -1;
  self->request(s.store, caf::infinite, due_timers_query{service_now_ms(), due_batch})
      .then([self](p::store_result<std::vector<p::timer_record>>& due) {
        if (due) wake(self, *due);
        arm_from_store(self);
      });
}

}  // namespace auraos::actors::detail
