#pragma once
// A service that others find by name in the actor registry, for as long as it lives.

#include <caf/actor_cast.hpp>
#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>
#include <caf/local_actor.hpp>

namespace auraos::actors {

/// Registers `self` as `name` and removes the entry when `self` ends (unless a successor, e.g.
/// a restarted service, registered under the name meanwhile).
inline void register_while_alive(caf::local_actor* self, caf::atom_value name) {
  auto& registry = self->system().registry();
  registry.put(name, caf::actor_cast<caf::strong_actor_ptr>(self));
  self->attach_functor([system = &self->system(), me = self->address(), name] {
    auto& reg = system->registry();
    if (reg.get(name) == caf::actor_cast<caf::strong_actor_ptr>(me)) reg.erase(name);
  });
}

}  // namespace auraos::actors
