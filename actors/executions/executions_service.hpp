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

#include "actors/executions/execution_messages.hpp"
#include "actors/executions/executions_wire.hpp"
#include "actors/executions/record_weight.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"
#include "actors/timers/timer_service.hpp"
#include "persistence/shards.hpp"

namespace auraos::runtime::handlers {
class node_handlers;
}  // namespace auraos::runtime::handlers

namespace auraos::runtime::crypto {
class secret_keys;
}  // namespace auraos::runtime::crypto

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::executions {

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
/// `(shards_granted_atom, fences)`: this node now holds these shards under these epochs (a
/// clustered node's lease keeper); the service re-activates their unfinished executions and
/// replies `ok_atom`.
using shards_granted_atom = caf::atom_constant<caf::atom("shardgrant")>;
/// `(shards_revoked_atom, shards, mode)`: this node no longer holds these shards; the service
/// stops their execution actors and replies `ok_atom` once every one of them is down.
using shards_revoked_atom = caf::atom_constant<caf::atom("shardrevok")>;
/// `(lease_lost_atom)`: to an execution actor whose shard's lease was lost: it stops at once,
/// without writing (another node may own the shard already).
using lease_lost_atom = caf::atom_constant<caf::atom("leaselost")>;

/// How a node gives up shards.
enum class revoke_mode : std::uint8_t {
  /// Hand-over: executions store what is in flight (interrupted attempts), then stop; the
  /// keeper releases the leases after the reply.
  graceful,
  /// The lease ran out: executions stop at once without writing.
  lost,
};

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
    caf::replies_to<counters_atom>::with<executions_counters>,
    caf::replies_to<shards_granted_atom, std::vector<persistence::fence>>::with<caf::ok_atom>,
    caf::replies_to<shards_revoked_atom, std::vector<std::int64_t>,
                    revoke_mode>::with<caf::ok_atom>>;

/// Settings of the executions service.
struct executions_options {
  /// Clock, randomness, timers and file loading (null: the real environment).
  std::shared_ptr<actors::env> env;
  /// An execution that only waits (timers) this long is stopped; its timer re-activates it.
  std::chrono::milliseconds passivate_after{std::chrono::seconds(30)};
  /// Folder that subworkflow `config.file` paths are relative to.
  std::string definitions_dir = ".";
  /// Refuse a subworkflow `config.file` that leads out of `definitions_dir` (`..`, an absolute
  /// path, a symbolic link out) before reading it: a node's stored workflows come from its API
  /// callers. `auraos run` reads its caller's own files and turns it off.
  bool confine_definitions = true;
  /// Records between snapshots of an execution's state.
  std::int64_t snapshot_every = 50;
  /// Called (from an actor thread) with the weight and log line of every stored history record.
  std::function<void(record_weight weight, const std::string& line)> on_record;
  /// Called (from an actor thread) once per service start, when recovery has ended.
  std::function<void(const recovery_report& report)> on_recovered;
  /// Where attempts of shell and http nodes run; null: the real handlers, made at each start.
  std::shared_ptr<runtime::handlers::node_handlers> handlers;
  /// Called (from an actor thread) when an execution ended, with its view (built only when
  /// this is set).
  std::function<void(const std::string& execution_id, const execution_view& view)> on_finished;
  /// A node of a cluster: it holds no shard until its lease keeper grants some
  /// (`shards_granted_atom`); alone, the service acquires every shard at start.
  bool clustered = false;
  /// The cluster's number of shards (spec/cluster.md `--shards`).
  std::int64_t shard_count = persistence::default_shard_count;
  /// The owner name of the leases a single node acquires (empty: the host name).
  std::string lease_owner;
  /// Called by the execution supervisor when an execution actor started, ended or restarts
  /// (`supervisor_config::on_change`); null: nobody listens.
  std::function<void()> on_tree_change;
  /// Seals the secret inputs of new executions and opens them for the nodes that run them
  /// (docs/security.md); null: a key only this process knows (`auraos run`, tests).
  std::shared_ptr<runtime::crypto::secret_keys> secret_keys = nullptr;
};

/// The name under which the live service is found in the actor registry.
inline constexpr caf::atom_value executions_registry_name = caf::atom("executions");

/// The child spec that runs the service (with its execution supervisor and timer service)
/// under a node supervisor; on every (re)start it re-activates unfinished executions from the
/// store and registers itself as `executions_registry_name`.
supervision::child_spec executions_service_child(store::store_actor store,
                                                 executions_options options);

/// How the node's timer service wakes executions: it tells the registered executions service,
/// which activates the passivated ones.
timers::timer_owner_fn execution_timer_owner();

}  // namespace auraos::actors::executions
