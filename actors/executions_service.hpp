#pragma once
// The executions service: starts, re-activates, controls and describes workflow executions.
// Its children (one actor per live execution) are supervised; idle waiting ones are passivated.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/execution_view.hpp"
#include "actors/record_weight.hpp"
#include "actors/store_actor.hpp"
#include "actors/supervisor.hpp"
#include "runtime/error.hpp"
#include "actors/timer_service.hpp"
#include "runtime/result.hpp"

namespace auraos::handlers {
class node_handlers;
}  // namespace auraos::handlers

namespace auraos::actors {

class env;

/// Starts an execution of a stored workflow (revision 0: the latest).
struct start_execution_command {
  std::string workflow_id;
  std::int64_t revision = 0;
  /// The execution input as JSON text ("null" when none was given).
  std::string input_json = "null";
  /// A repeat with the same key answers the first execution.
  std::string idempotency_key;
  /// Equal when every field is.
  bool operator==(const start_execution_command&) const = default;
};

/// How one recovery went: unfinished executions re-activated, those that could not be, and
/// how long it took from reading them to the last activation.
struct recovery_report {
  /// Executions whose actor started.
  std::size_t recovered = 0;
  /// Executions that could not be activated.
  std::size_t failed = 0;
  /// From the start of recovery to its last activation.
  std::chrono::milliseconds took{0};
};

/// A refused request, with a message naming the problem.
struct execution_failure {
  errc code = errc::internal;  ///< The kind of refusal.
  std::string message;          ///< A sentence naming the problem.
  /// Further lines, e.g. every input error.
  std::vector<std::string> details;
  /// Equal when every field is.
  bool operator==(const execution_failure&) const = default;
};

/// The execution (its view), or why the request was refused.
using execution_reply = result<execution_view, execution_failure>;

/// A cheap answer about a live execution, read from its actor's state (no view rendered).
struct execution_brief {
  /// Sequence number of the last stored history record.
  std::int64_t seq = 0;
  /// The status name ("running", "paused", ...).
  std::string status;
  /// Equal when every field is.
  bool operator==(const execution_brief&) const = default;
};

/// The service's counters (for /metrics).
struct executions_counters {
  std::int64_t started = 0;                     ///< Executions created.
  std::map<std::string, std::int64_t> ended;    ///< Executions ended, by status name.
  std::int64_t attempts = 0;                    ///< Node attempts started.
  std::int64_t retries = 0;                     ///< Retries scheduled.
  std::int64_t active_actors = 0;               ///< Live and stopping execution actors.
  std::int64_t activations = 0;                 ///< Execution actors activated.
  std::int64_t passivations = 0;                ///< Execution actors passivated.
  /// Equal when every field is.
  bool operator==(const executions_counters&) const = default;
};

/// A page of history, or why there is none.
using history_reply = result<history_page, execution_failure>;

/// The live actor of an execution (activated when needed), or why there is none.
using locate_reply = result<caf::actor, execution_failure>;

/// `(brief_atom)`: to an execution actor; replies its `execution_brief`.
using brief_atom = caf::atom_constant<caf::atom("brief")>;
/// `(locate_atom, id)`: to the service; replies a `locate_reply` (for direct requests such as
/// `brief_atom`; a finished execution has no actor: `conflict`).
using locate_atom = caf::atom_constant<caf::atom("locate")>;
/// `(pause_atom, id)`: no new node starts.
using pause_atom = caf::atom_constant<caf::atom("pause")>;
/// `(resume_atom, id)`: continue a paused execution.
using resume_atom = caf::atom_constant<caf::atom("resume")>;
/// `(cancel_atom, id)`: stop running attempts, status cancelled.
using cancel_atom = caf::atom_constant<caf::atom("cancel")>;
/// `(history_atom, id, after_seq, limit)`: a page of at most `limit` stored transitions with a
/// seq above `after_seq` (`history_page::records`).
using history_atom = caf::atom_constant<caf::atom("history")>;
/// `(logs_atom, id, after_seq, limit)`: the same page as human-readable log lines
/// (`history_page::lines`).
using logs_atom = caf::atom_constant<caf::atom("logs")>;
/// `(counters_atom)`: the service's `executions_counters` (for /metrics).
using counters_atom = caf::atom_constant<caf::atom("counters")>;

/// The service's interface. Every reply to start/get/pause/resume/cancel is the execution's
/// `execution_view` (gateway/execution_json.hpp renders it).
using executions_actor = caf::typed_actor<
    caf::replies_to<start_execution_command>::with<execution_reply>,
    caf::replies_to<caf::get_atom, std::string>::with<execution_reply>,
    caf::replies_to<pause_atom, std::string>::with<execution_reply>,
    caf::replies_to<resume_atom, std::string>::with<execution_reply>,
    caf::replies_to<cancel_atom, std::string>::with<execution_reply>,
    caf::replies_to<history_atom, std::string, std::int64_t, std::int64_t>::with<history_reply>,
    caf::replies_to<logs_atom, std::string, std::int64_t, std::int64_t>::with<history_reply>,
    caf::replies_to<locate_atom, std::string>::with<locate_reply>,
    caf::replies_to<counters_atom>::with<executions_counters>>;

/// Settings of the executions service.
struct executions_options {
  /// Clock, randomness, timers and file loading (null: the real environment).
  std::shared_ptr<actors::env> env;
  /// An execution that only waits (timers) this long is stopped; its timer re-activates it.
  std::chrono::milliseconds passivate_after{std::chrono::seconds(30)};
  /// Folder that subworkflow `config.file` paths are relative to.
  std::string definitions_dir = ".";
  /// Records between snapshots of an execution's state.
  std::int64_t snapshot_every = 50;
  /// Called (from an actor thread) with the weight and log line of every stored history record.
  std::function<void(record_weight weight, const std::string& line)> on_record;
  /// Called (from an actor thread) once per service start, when recovery has ended.
  std::function<void(const recovery_report& report)> on_recovered;
  /// Where attempts of shell and http nodes run; null: the real handlers, made at each start.
  std::shared_ptr<handlers::node_handlers> handlers;
  /// Called (from an actor thread) when an execution ended, with its view (built only when
  /// this is set).
  std::function<void(const std::string& execution_id, const execution_view& view)> on_finished;
};

/// The name under which the live service is found in the actor registry.
inline constexpr caf::atom_value executions_registry_name = caf::atom("executions");

/// The child spec that runs the service (with its execution supervisor and timer service)
/// under a node supervisor; on every (re)start it re-activates unfinished executions from the
/// store and registers itself as `executions_registry_name`.
child_spec executions_service_child(store_actor store, executions_options options);

/// How the node's timer service wakes executions: it tells the registered executions service,
/// which activates the passivated ones.
timer_owner_fn execution_timer_owner();


/// Inspects a start command.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, start_execution_command& x) {
  return f(caf::meta::type_name("start_execution_command"), x.workflow_id, x.revision,
           x.input_json, x.idempotency_key);
}

/// Inspects a refusal.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_failure& x) {
  return f(caf::meta::type_name("execution_failure"), x.code, x.message, x.details);
}

/// Inspects a brief.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, execution_brief& x) {
  return f(caf::meta::type_name("execution_brief"), x.seq, x.status);
}

/// Inspects the counters.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, executions_counters& x) {
  return f(caf::meta::type_name("executions_counters"), x.started, x.ended, x.attempts,
           x.retries, x.active_actors, x.activations, x.passivations);
}

}  // namespace auraos::actors
