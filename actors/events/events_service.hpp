#pragma once
// The events service: stores published events, answers queries, runs one supervised stream
// actor per event type (passivated when idle) that matches waits and triggers of its type, and
// hands every newly stored event, in storing order, to the node's live updates. In a cluster it
// follows the shared log, so that the events of every node reach them.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <caf/atom.hpp>
#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/events/event_messages.hpp"
#include "actors/events/events_wire.hpp"
#include "actors/executions/event_requests.hpp"
#include "actors/executions/executions_service.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::events {

/// `(publish_atom, publish_request)`: stores events; replies a publish_reply.
using publish_atom = caf::atom_constant<caf::atom("evpublish")>;
/// `(correlation_atom, correlation_id)`: replies an event_list_reply.
using correlation_atom = caf::atom_constant<caf::atom("evcorr")>;
/// `(signal_atom, signal_request)`: stores a signal event; replies an event_reply (404 unknown
/// execution, 409 finished execution).
using signal_atom = caf::atom_constant<caf::atom("evsignal")>;
/// `(workflows_changed_atom)`: a workflow was stored, changed or deleted: re-read triggers.
using workflows_changed_atom = caf::atom_constant<caf::atom("evwfchange")>;

/// The service's interface.
using events_actor =
    caf::typed_actor<caf::replies_to<publish_atom, publish_request>::with<publish_reply>,
                     caf::replies_to<event_query>::with<event_page_reply>,
                     caf::replies_to<caf::get_atom, std::string>::with<event_reply>,
                     caf::replies_to<correlation_atom, std::string>::with<event_list_reply>,
                     caf::replies_to<signal_atom, signal_request>::with<event_reply>,
                     caf::replies_to<executions::emit_atom,
                                     std::vector<persistence::event_record>>::with<publish_reply>,
                     caf::reacts_to<executions::await_event_atom, executions::event_wait>,
                     caf::reacts_to<executions::forget_wait_atom, std::string, std::string>,
                     caf::reacts_to<workflows_changed_atom>>;

/// Called with every newly stored event (not idempotent repeats), in storing order, on the
/// service's thread: the node hands them to its live updates. Must not block.
using stored_events_fn = std::function<void(const std::vector<persistence::event_record>&)>;

/// How the events service runs.
struct events_options {
  /// Clock, timers and ids (null: the real ones).
  std::shared_ptr<actors::env> env;
  /// Hears of newly stored events (may be empty).
  stored_events_fn on_stored;
  /// A stream actor with nothing to do for this long stops (passivation).
  std::chrono::milliseconds stream_idle{30000};
  /// Time between two passes of the retention actor over the retention rules.
  std::chrono::milliseconds retention_interval{60000};
  /// One node of a cluster: it follows the shared event log (docs/events.md, In a cluster):
  /// live subscribers and waits hear of every node's events, a type's triggers run on the
  /// holder of its shard, and pattern rules on the holder of shard 0.
  bool clustered = false;
  /// A clustered node reads the events stored after the last one it read this often.
  std::chrono::milliseconds follow_interval{50};
};

/// The supervised child that runs the events service (registered as
/// `executions::events_registry_name`, with its stream supervisor below it); it asks `store`
/// and starts executions through the registered executions service.
supervision::child_spec events_service_child(store::store_actor store, events_options options);

}  // namespace auraos::actors::events
