#pragma once
// The pattern service (`event-patterns`, under the events service): it owns the stored pattern
// rules, runs one supervised actor per rule (pattern_actor.hpp), hands each of them the newly
// stored events of its rule's types, and answers the REST requests of pattern_messages.hpp.

#include <memory>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "actors/store/store_actor.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::events {

/// The registry name of the pattern service (the gateway asks it).
inline constexpr caf::atom_value patterns_registry_name = caf::atom("evpatterns");

/// Spawns the pattern service linked to `service` (the events service): it loads every stored
/// rule and its state, then starts their actors; `env` gives clock and timers.
caf::actor spawn_pattern_service(caf::local_actor* service, store::store_actor store,
                                 std::shared_ptr<actors::env> env);

}  // namespace auraos::actors::events
