#pragma once
// The executions service: starts, re-activates, controls and describes workflow executions.
// Its children (one actor per live execution) are supervised; idle waiting ones are passivated.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/record_weight.hpp"
#include "actors/store_actor.hpp"
#include "actors/supervisor.hpp"
#include "runtime/result.hpp"

namespace auraos::handlers {
class node_handlers;
}  // namespace auraos::handlers

namespace auraos::actors {

/// Starts an execution of a stored workflow (revision 0: the latest).
struct start_execution_command {
  std::string workflow_id;
  std::int64_t revision = 0;
  /// The execution input as JSON text ("null" when none was given).
  std::string input_json = "null";
  /// A repeat with the same key answers the first execution.
  std::string idempotency_key;
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

/// Why a request about an execution was refused.
enum class execution_errc {
  not_found,
  conflict,
  invalid_input,
  bad_request,
  unavailable,
  internal
};

/// A refused request, with a message naming the problem.
struct execution_failure {
  execution_errc code = execution_errc::internal;
  std::string message;
  /// Further lines, e.g. every input error.
  std::vector<std::string> details;
};

/// JSON text in the REST API's shape, or a failure.
using execution_reply = result<std::string, execution_failure>;

/// A cheap answer about a live execution, read from its actor's state (no view rendered).
struct execution_brief {
  /// Sequence number of the last stored history record.
  std::int64_t seq = 0;
  /// The status name ("running", "paused", ...).
  std::string status;
};

/// A page of an execution's history records or log lines.
struct history_page {
  /// The items as JSON text: an array of records, or of log lines.
  std::string items_json = "[]";
  /// The seq the next page starts after; absent on the last page.
  std::optional<std::int64_t> next_after;
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
/// seq above `after_seq`, as a JSON array.
using history_atom = caf::atom_constant<caf::atom("history")>;
/// `(logs_atom, id, after_seq, limit)`: the same page as human-readable log lines (strings).
using logs_atom = caf::atom_constant<caf::atom("logs")>;
/// `(counters_atom)`: the service's counters as a JSON object (for /metrics).
using counters_atom = caf::atom_constant<caf::atom("counters")>;

/// The service's interface. Every reply to start/get/pause/resume/cancel is the execution in
/// the REST shape `{id, workflowId, revision, status, input, output, error, startedAt,
/// completedAt, nodes: [{id, status, attempts, startedAt, completedAt, output, error}], metrics}`.
using executions_actor = caf::typed_actor<
    caf::replies_to<start_execution_command>::with<execution_reply>,
    caf::replies_to<caf::get_atom, std::string>::with<execution_reply>,
    caf::replies_to<pause_atom, std::string>::with<execution_reply>,
    caf::replies_to<resume_atom, std::string>::with<execution_reply>,
    caf::replies_to<cancel_atom, std::string>::with<execution_reply>,
    caf::replies_to<history_atom, std::string, std::int64_t, std::int64_t>::with<history_reply>,
    caf::replies_to<logs_atom, std::string, std::int64_t, std::int64_t>::with<history_reply>,
    caf::replies_to<locate_atom, std::string>::with<locate_reply>,
    caf::replies_to<counters_atom>::with<std::string>>;

/// Settings of the executions service.
struct executions_options {
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
  /// Called (from an actor thread) when an execution ended, with its REST view as JSON text.
  std::function<void(const std::string& execution_id, const std::string& view)> on_finished;
};

/// The name under which the live service is found in the actor registry.
inline constexpr caf::atom_value executions_registry_name = caf::atom("executions");

/// The child spec that runs the service (with its execution supervisor and timer service)
/// under a node supervisor; on every (re)start it re-activates unfinished executions from the
/// store and registers itself as `executions_registry_name`.
child_spec executions_service_child(store_actor store, executions_options options);

}  // namespace auraos::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::start_execution_command)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::execution_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::execution_brief)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::locate_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::history_reply)
