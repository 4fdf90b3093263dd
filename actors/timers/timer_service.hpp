#pragma once
// One durable timer service per node: timers are absolute deadlines in the store, keyed by
// (owner kind, owner id); the service arms one wake-up for the earliest stored deadline, reads
// the due timers when it fires and wakes their owners through a callback per owner kind
// (executions now; task runs, schedules and event patterns later). Owners that sleep cost no
// memory here: the store is the only list of timers.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::timers {

/// The owner kind of execution timers (every timer the store holds today).
inline constexpr const char* execution_owner = "execution";

/// Wakes the owners `ids` (of one kind) whose timers are due; runs in the timer service.
using timer_owner_fn =
    std::function<void(caf::event_based_actor* self, std::vector<std::string> ids)>;

/// `(arm_timer_atom, owner_kind, owner_id, deadline_ms)`: to the timer service, for a stored
/// timer its owner does not keep in memory; the owner is woken at the deadline.
using arm_timer_atom = caf::atom_constant<caf::atom("armtimer")>;
/// `(timer_wake_atom, generation)`: the timer service's own wake-up.
using timer_wake_atom = caf::atom_constant<caf::atom("timerwake")>;

/// `(timer_shards_atom, shards)`: to a clustered node's timer service, the shards whose timers
/// it reads from now on (the shards the node holds).
using timer_shards_atom = caf::atom_constant<caf::atom("timershard")>;

/// The name under which the live timer service is found in the actor registry.
inline constexpr caf::atom_value timers_registry_name = caf::atom("timers");

/// Settings of the timer service.
struct timer_service_options {
  /// Clock and timers (null: the real environment).
  std::shared_ptr<actors::env> env;
  /// How to wake the owners of each kind; timers of a kind not listed are left in the store.
  std::map<std::string, timer_owner_fn> owners;
  /// A node of a cluster reads only the timers of the shards it holds (none until told with
  /// `timer_shards_atom`); alone, it reads every timer.
  bool clustered = false;
};

/// The child spec ("timers") that runs the timer service under a node supervisor; on every
/// (re)start it arms itself from the store and registers as `timers_registry_name`.
supervision::child_spec timer_service_child(store::store_actor store,
                                            timer_service_options options);

/// Tells the node's timer service (found in the registry) about a timer of an owner.
void arm_node_timer(caf::event_based_actor* self, const std::string& owner_kind,
                    const std::string& owner_id, std::int64_t deadline_ms);

/// Tells the node's timer service (found in the registry) which shards' timers to read.
void set_node_timer_shards(caf::event_based_actor* self, std::vector<std::int64_t> shards);

}  // namespace auraos::actors::timers
