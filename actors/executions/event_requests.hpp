#pragma once
// What an execution actor asks of the events service (`publish_event` and `wait_event` nodes),
// as plain values and atoms: the executions library does not depend on the events service, it
// sends these to the actor registered as `events_registry_name`.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <caf/atom.hpp>
#include <caf/meta/type_name.hpp>

#include "actors/wire.hpp"

namespace auraos::actors::executions {

/// The name under which the live events service is found in the actor registry.
inline constexpr caf::atom_value events_registry_name = caf::atom("events");

/// `(await_event_atom, event_wait)`: to the events service: when a stored event matches (one
/// stored at or after `stored_from_ms`, or a later one), it relays the attempt's end to the
/// executions service (`relay_atom`) with the event as output. Registering again (same
/// execution, node and attempt) replaces the earlier wait.
using await_event_atom = caf::atom_constant<caf::atom("evawait")>;
/// `(forget_wait_atom, execution_id, node)`: the execution no longer waits there.
using forget_wait_atom = caf::atom_constant<caf::atom("evforget")>;
/// `(emit_atom, std::vector<persistence::event_record>)`: to the events service: stores the
/// events of a `publish_event` attempt; replies `result<std::vector<event_record>,
/// execution_failure>` (the events service's publish_reply).
using emit_atom = caf::atom_constant<caf::atom("evemit")>;

/// The shard whose holder runs a cluster's pattern rules (the events coordinator).
inline constexpr std::int64_t event_coordinator_shard = 0;
/// The registry names of the task pool and the task scheduler (actors/tasks/), which run on the
/// holder of event_coordinator_shard in a cluster and hear of this node's shards too.
inline constexpr caf::atom_value tasks_registry_name = caf::atom("tasks");
/// See tasks_registry_name.
inline constexpr caf::atom_value tasks_scheduler_registry_name = caf::atom("tasksched");
/// `(event_shards_atom, std::vector<std::int64_t> held, std::int64_t count)`: to the events
/// service of a clustered node: the shards the node holds now, of `count`.
using event_shards_atom = caf::atom_constant<caf::atom("evshards")>;

/// A `wait_event` node's attempt waiting for an event.
struct event_wait {
  std::string execution_id;                   ///< The waiting execution.
  std::string node;                           ///< Its wait_event node.
  int attempt = 0;                            ///< The node's attempt.
  std::string type;                           ///< Required event type.
  std::optional<std::string> source;          ///< Required source, if any.
  std::optional<std::string> correlation_id;  ///< Required correlation id, if any.
  std::string where;                          ///< Boolean expression over `event` (empty: none).
  std::int64_t stored_from_ms = 0;            ///< Events stored before this do not match.
  /// Equal when every field is.
  bool operator==(const event_wait&) const = default;
};

/// Inspects a wait (it may cross nodes when executions and streams live apart).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_wait& x) {
  wire::optional_field<std::string> source{x.source};
  wire::optional_field<std::string> correlation{x.correlation_id};
  return f(caf::meta::type_name("event_wait"), x.execution_id, x.node, x.attempt, x.type, source,
           correlation, x.where, x.stored_from_ms);
}

}  // namespace auraos::actors::executions
