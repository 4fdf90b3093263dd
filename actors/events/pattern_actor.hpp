#pragma once
// The actor of one pattern rule: it feeds the rule's matcher the newly stored events of the
// rule's types (in storing order) and the time of the service's clock, arms one timer at the
// matcher's next deadline, stores the matcher's state (at most every 100 ms, and always before
// it emits) and publishes each match's derived event through the events service. On start it
// restores the stored state and replays the events of its types stored after the last one the
// state had seen (docs/event-patterns.md, "Runtime").

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "actors/store/store_actor.hpp"
#include "persistence/event_pattern_record.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::events {

/// `(pattern_events_atom, events)`: newly stored events in storing order (to the pattern
/// service from the events service, and from it to each rule's actor).
using pattern_events_atom = caf::atom_constant<caf::atom("evpatev")>;
/// `(pattern_matched_atom, pattern_id, at_ms)`: to the pattern service: a rule matched.
using pattern_matched_atom = caf::atom_constant<caf::atom("evpatmatch")>;

/// The longest chain of derived events: an event whose `metadata.patternDepth` is this or more
/// is ignored by every rule (a loop through several rules ends there).
inline constexpr std::int64_t max_pattern_depth = 8;

/// How a rule's actor runs.
struct pattern_args {
  persistence::event_pattern_record record;  ///< The stored rule.
  /// Its stored state (JSON text); nullopt: read it from the store.
  std::optional<std::string> state;
  /// A rule without a stored state (just created) looks only at events with a higher seq than
  /// this; nullopt: read the state from the store (a rule without one starts after the last
  /// stored event).
  std::optional<std::int64_t> start_after;
  caf::actor service;              ///< The events service: publishes the derived events.
  caf::actor manager;              ///< The pattern service: hears of matches.
  store::store_actor store;        ///< Where the state is stored and events are replayed from.
  std::shared_ptr<actors::env> env;  ///< Clock and timers.
};

/// Spawns the actor of `args.record` as a child of `parent`.
caf::actor spawn_pattern(caf::local_actor* parent, pattern_args args);

}  // namespace auraos::actors::events
