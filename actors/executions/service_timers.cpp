// The executions service's side of the node's timer service: it wakes executions whose stored
// timers are due (activating passivated ones) and hands it the deadlines of passivating ones.
#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>

#include "actors/executions/service_state.hpp"
#include "actors/timers/timer_service.hpp"

namespace auraos::actors::executions {

namespace detail {

void on_passivated(service_actor* self, const std::string& id, std::int64_t deadline_ms) {
  auto& s = self->state;
  ++s.counters.passivations;
  auto sender = caf::actor_cast<caf::actor>(self->current_sender());
  if (auto it = s.live.find(id); it != s.live.end() && it->second == sender) {
    s.live.erase(it);
    s.stopping[id] = sender;
  }
  if (deadline_ms >= 0) timers::arm_node_timer(self, timers::execution_owner, id, deadline_ms);
}

void on_timers_due(service_actor* self, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (!holds(self->state, id)) continue;  // its shard moved: the new owner wakes it
    auto live = self->state.live.find(id);
    if (live != self->state.live.end())
      self->send(live->second, timers_due_atom::value);
    else
      with_actor(
          self, id, [](caf::actor) {}, [](execution_failure) {});
  }
}

}  // namespace detail

timers::timer_owner_fn execution_timer_owner() {
  return [](caf::event_based_actor* self, std::vector<std::string> ids) {
    auto service = self->system().registry().get(executions_registry_name);
    if (service)
      self->send(caf::actor_cast<caf::actor>(service), timers_due_atom::value, std::move(ids));
  };
}

}  // namespace auraos::actors::executions
