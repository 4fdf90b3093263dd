#pragma once
// One actor per live execution: folds its history, decides, stores, then acts.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "actors/executions/executions_service.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/wire.hpp"
#include "runtime/engine/state.hpp"
#include "runtime/handlers/node_handlers.hpp"

namespace auraos::actors::executions {

/// The end of one attempt of an external node (shell, http or a child execution).
struct attempt_outcome {
  std::string node;
  int attempt = 0;
  bool ok = false;
  runtime::json_ptr output;
  runtime::engine::node_error error;
};

/// `(attempt_done_atom, attempt_outcome)`: to the execution, when an attempt ended.
using attempt_done_atom = caf::atom_constant<caf::atom("attemptend")>;
/// `(timer_due_atom, timer_id, generation)`: to the execution, its in-memory timer.
using timer_due_atom = caf::atom_constant<caf::atom("timerdue")>;
/// `(timers_due_atom)`: to the execution, when the timer service found its timers due; and
/// `(timers_due_atom, ids)`: to the service, from the timer service (wakes those executions).
using timers_due_atom = caf::atom_constant<caf::atom("timersdue")>;
/// `(passivate_atom, generation)`: to the execution, when it may have waited long enough.
using passivate_atom = caf::atom_constant<caf::atom("passivate")>;
/// `(live_atom, id, actor)`: to the service, sent by every execution actor when it starts.
using live_atom = caf::atom_constant<caf::atom("execlive")>;
/// `(passivated_atom, id, earliest_deadline_ms or -1)`: asks the service to let an idle execution
/// stop; it replies `ok_atom` once no request will be sent to that actor any more.
using passivated_atom = caf::atom_constant<caf::atom("passivated")>;
/// `(ended_atom, execution_end)`: to the service, when an execution finished.
using ended_atom = caf::atom_constant<caf::atom("execended")>;
/// `(child_atom_start, child_request)`: to the service; replies `child_reply`.
using child_start_atom = caf::atom_constant<caf::atom("childstart")>;
/// `(count_atom, attempts_started, retries_scheduled)`: to the service, for /metrics.
using count_atom = caf::atom_constant<caf::atom("count")>;
/// `(relay_atom, parent_id, attempt_outcome)`: the end of a child whose parent another node
/// owns. To the node's relay (registered as `relay_registry_name`), which carries it to the
/// parent's owner; there, to the executions service, which answers `true` once it took it
/// (`false`: it does not hold the parent's shard now; the relay retries).
using relay_atom = caf::atom_constant<caf::atom("relay")>;
/// The name under which a clustered node's relay of child ends is registered.
inline constexpr caf::atom_value relay_registry_name = caf::atom("relay");
/// `(fenced_atom)`: to the service, when the store refused an execution's write (stale lease).
using fenced_atom = caf::atom_constant<caf::atom("fenced")>;
/// `(reload_atom)`: an execution retries its load after the database was unavailable.
using reload_atom = caf::atom_constant<caf::atom("reload")>;

/// How an execution ended, for its parent and the service's counters.
struct execution_end {
  std::string id;
  std::string idempotency_key;
  runtime::engine::execution_status status = runtime::engine::execution_status::completed;
  runtime::json_ptr output;
  std::optional<runtime::engine::node_error> error;
};

/// A subworkflow node asks for its child execution.
struct child_request {
  std::string parent_id;
  std::string node;
  int attempt = 0;
  std::string workflow_id;
  /// Definition file, relative to the service's definitions_dir, when workflow_id is empty.
  std::string file;
  std::string input_json = "null";
  /// The engine's `PARENT/NODE/ATTEMPT` key.
  std::string idempotency_key;
  /// The parent's creator (the child inherits it); empty: none.
  std::string created_by = {};
  /// Equal when every field is.
  bool operator==(const child_request&) const = default;
};

/// The child's id, or why it could not start (with every detail, e.g. each input error).
using child_reply = result<std::string, execution_failure>;

/// What the service already read for an execution it just created, so that the actor's first
/// start skips loading it from the store (taken once: a restarted actor loads normally).
struct execution_preload {
  persistence::execution_record row;
  std::shared_ptr<const runtime::definition::workflow> wf;
  std::atomic<bool> taken{false};
};

/// What an execution actor needs.
struct execution_args {
  std::string id;
  store::store_actor store;
  caf::actor service;
  /// Where attempts run (shared by every execution of a service).
  std::shared_ptr<runtime::handlers::node_handlers> runners;
  executions_options options;
  /// Set for an execution created just now (no history yet).
  std::shared_ptr<execution_preload> preload;
  /// The lease of the execution's shard this node held when it activated it: every write
  /// carries it, and a write the store fences stops the actor.
  std::optional<persistence::fence> fence = std::nullopt;
};

/// Spawns the actor of one execution (it loads its history from the store first).
caf::actor spawn_execution(caf::local_actor* parent, execution_args args);

/// Prefix of the idempotency key of a child execution: `child:PARENT/NODE/ATTEMPT`.
inline constexpr const char* child_key_prefix = "child:";

/// Inspects the end of an attempt (its output as JSON text).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, attempt_outcome& x) {
  wire::json_field output{x.output};
  return f(caf::meta::type_name("attempt_outcome"), x.node, x.attempt, x.ok, output, x.error);
}

/// Inspects the end of an execution.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_end& x) {
  wire::json_field output{x.output};
  wire::optional_field<runtime::engine::node_error> error{x.error};
  return f(caf::meta::type_name("execution_end"), x.id, x.idempotency_key, x.status, output, error);
}

/// Inspects a request for a child execution.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, child_request& x) {
  return f(caf::meta::type_name("child_request"), x.parent_id, x.node, x.attempt, x.workflow_id,
           x.file, x.input_json, x.idempotency_key, x.created_by);
}

}  // namespace auraos::actors::executions
