// The service's one wake-up: re-activates passivated executions when their timers are due.
#include "actors/service_state.hpp"

namespace auraos::actors::detail {

namespace {

/// Arms one delayed message for the earliest deadline of a passivated execution.
void arm(service_actor* self) {
  auto& s = self->state;
  std::int64_t earliest = -1;
  for (const auto& [id, deadline] : s.passivated)
    if (earliest < 0 || deadline < earliest) earliest = deadline;
  if (earliest < 0 || (s.armed_deadline >= 0 && s.armed_deadline <= earliest)) return;
  s.armed_deadline = earliest;
  auto delay = std::chrono::milliseconds(std::max<std::int64_t>(0, earliest - service_now_ms()));
  self->delayed_send(self, delay, wake_atom::value, ++s.wake_generation);
}

void wake(service_actor* self, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    self->state.passivated.erase(id);
    with_actor(
        self, id, [](caf::actor) {}, [](execution_failure) {});
  }
  arm(self);
}

}  // namespace

void on_passivated(service_actor* self, const std::string& id, std::int64_t deadline_ms) {
  auto& s = self->state;
  ++s.counters.passivations;
  if (auto it = s.live.find(id);
      it != s.live.end() && it->second == caf::actor_cast<caf::actor>(self->current_sender()))
    s.live.erase(it);
  if (deadline_ms >= 0) s.passivated[id] = deadline_ms;
  arm(self);
}

void on_wake(service_actor* self, std::uint64_t generation) {
  auto& s = self->state;
  if (generation != s.wake_generation) return;
  s.armed_deadline = -1;
  auto now = service_now_ms();
  self->request(s.store, caf::infinite, due_timers_query{now, 1000})
      .then([self, now](p::store_result<std::vector<p::timer_record>>& due) {
        std::vector<std::string> ids;
        if (due)
          for (const auto& t : *due)
            if (self->state.passivated.count(t.execution_id)) ids.push_back(t.execution_id);
        for (const auto& [id, deadline] : self->state.passivated)
          if (deadline <= now) ids.push_back(id);
        wake(self, ids);
      });
}

}  // namespace auraos::actors::detail
