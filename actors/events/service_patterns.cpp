// The events service's side of the pattern rules: it starts the pattern service (on a clustered
// node while it is the events coordinator) and hands it every newly stored event in storing
// order.
#include <caf/all.hpp>

#include "actors/events/pattern_actor.hpp"
#include "actors/events/pattern_service.hpp"
#include "actors/events/service_state.hpp"

namespace auraos::actors::events::detail {

void start_patterns(service_actor* self) {
  auto& s = self->state;
  if (!s.patterns) s.patterns = spawn_pattern_service(self, s.store, s.options.env);
}

void stop_patterns(service_actor* self) {
  auto& s = self->state;
  if (!s.patterns) return;
  // Linked: unlink first, or its exit would end this service too.
  self->unlink_from(s.patterns);
  self->send_exit(s.patterns, caf::exit_reason::user_shutdown);
  s.patterns = nullptr;
}

void offer_patterns(service_actor* self, const std::vector<persistence::event_record>& stored) {
  if (self->state.patterns) self->send(self->state.patterns, pattern_events_atom::value, stored);
}

}  // namespace auraos::actors::events::detail
