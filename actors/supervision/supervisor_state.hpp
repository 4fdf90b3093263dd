#pragma once
// Internal to the supervisor actor: its children's records and the restart machinery.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/error.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/env.hpp"
#include "actors/supervision/supervisor.hpp"

namespace auraos::actors::supervision::detail {

/// `(restart_due_atom, token)`: a restart group's backoff has elapsed.
using restart_due_atom = caf::atom_constant<caf::atom("svrestart")>;
/// `(stop_timeout_atom, generation)`: children still stopping get killed.
using stop_timeout_atom = caf::atom_constant<caf::atom("svstoptime")>;
/// `(start_failed_atom, child id)`: a child's start function gave no actor.
using start_failed_atom = caf::atom_constant<caf::atom("svstartf")>;

/// One child as its supervisor knows it.
struct child_record {
  child_record() = default;
  /// Unique within the supervisor, stable across restarts.
  std::uint64_t id = 0;
  /// How to start it.
  child_spec spec;
  /// The live actor; null while it is not running.
  caf::actor handle;
  /// What it is doing.
  runtime::supervision::child_status status = runtime::supervision::child_status::stopped;
  /// Restarts so far.
  std::size_t restarts = 0;
  /// Text of the last abnormal exit.
  std::optional<std::string> last_failure;
  /// Consecutive quick restarts, the backoff exponent.
  std::size_t attempt = 0;
  /// When the current incarnation started.
  std::chrono::steady_clock::time_point started_at;
  /// The restart group it waits in.
  std::uint64_t restart_token = 0;
  /// The delay of that group's restart.
  std::chrono::milliseconds restart_delay{0};
  /// Added by message, forgotten when it ends for good.
  bool dynamic = false;
};

/// The children in start order.
using child_list = std::vector<child_record>;

/// The supervisor's state (never an aggregate: see CAF-NOTES.md).
struct supervisor_state {
  supervisor_state() = default;
  /// Its configuration (children moved into `children`).
  supervisor_config config;
  /// Shared with the exit hook that stops orphans if the supervisor dies abruptly.
  std::shared_ptr<child_list> children = std::make_shared<child_list>();
  /// Restarts within the period.
  std::optional<runtime::supervision::restart_intensity> intensity;
  /// Restart delays.
  std::optional<runtime::supervision::restart_backoff> backoff;
  /// Next child id.
  std::uint64_t next_id = 1;
  /// Next restart group token.
  std::uint64_t next_token = 1;
  /// Generation of the latest stop timer.
  std::uint64_t stop_generation = 0;
  /// True once it is shutting down (told to exit, or escalating).
  bool stopping = false;
  /// The reason it will exit with.
  caf::error exit_reason;
};

/// The supervisor actor type.
using supervisor_actor = caf::stateful_actor<supervisor_state>;

/// Appends a record for `spec` (not yet started).
child_record& add_record(supervisor_actor* self, child_spec spec, bool dynamic);
/// Starts (or restarts) the child and monitors it.
void start_child(supervisor_actor* self, child_record& child);
/// The record of the live child named `name`, or null.
child_record* find_live_child(supervisor_actor* self, const std::string& name);
/// Reacts to a child's down message.
void on_child_down(supervisor_actor* self, const caf::down_msg& msg);
/// Reacts to a child that could not be started.
void on_start_failed(supervisor_actor* self, std::uint64_t id);
/// Starts the children waiting in restart group `token`.
void on_restart_due(supervisor_actor* self, std::uint64_t token);
/// Asks a running child to stop (user_shutdown) and arms the kill timer.
void stop_child(supervisor_actor* self, child_record& child);
/// Stops the next live child in reverse start order, or exits when none is left.
void continue_shutdown(supervisor_actor* self);
/// Stops all children in reverse start order, then exits with `reason`.
void begin_shutdown(supervisor_actor* self, caf::error reason);
/// Kills children that ignored their stop request.
void on_stop_timeout(supervisor_actor* self, std::uint64_t generation);
/// Replies the live subtree (asks child supervisors with a timeout).
caf::typed_response_promise<runtime::supervision::supervision_tree_node> collect_tree(
    supervisor_actor* self);

}  // namespace auraos::actors::supervision::detail
