#pragma once
// The actor of one event stream (one event type): it takes the newly stored events of its type
// in storing order, wakes the `wait_event` nodes waiting for them and starts the executions of
// the workflows whose triggers take them. The events service starts it on demand under its
// stream supervisor; with no wait registered it stops after a while (passivation).

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "actors/store/store_actor.hpp"
#include "persistence/event_record.hpp"
#include "runtime/definition/workflow.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::events {

/// A trigger of the latest revision of a workflow.
struct trigger_target {
  std::string workflow_id;                ///< The workflow to start.
  runtime::definition::trigger trigger;  ///< What it takes and its input template.
};

/// The triggers of one event type (shared, immutable; replaced when workflows change).
using trigger_list = std::shared_ptr<const std::vector<trigger_target>>;

/// `(stored_atom, events, triggers)`: newly stored events of the stream's type, in storing
/// order, and the triggers of that type; replies `ok_atom` once every execution the triggers
/// start is stored (or refused for good), so the service may move its trigger cursor.
using stored_atom = caf::atom_constant<caf::atom("evstored")>;
/// `(idle_atom, generation)`: the stream checks whether it may stop.
using idle_atom = caf::atom_constant<caf::atom("evidle")>;
/// `(wait_taken_atom, execution_id, node, attempt)`: to the service: that wait took an event.
using wait_taken_atom = caf::atom_constant<caf::atom("evtaken")>;

/// How a stream actor runs.
struct stream_args {
  std::string type;                           ///< Its event type.
  caf::actor service;                         ///< The events service (hears of taken waits).
  store::store_actor store;                   ///< Where it reads stored events.
  std::shared_ptr<actors::env> env;                ///< Clock and timers.
  std::chrono::milliseconds idle_after{30000};  ///< Stops this long after its last wait ended.
};

/// Spawns the stream actor of `args.type` as a child of `parent`.
caf::actor spawn_stream(caf::local_actor* parent, stream_args args);

}  // namespace auraos::actors::events

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::events::trigger_list)
