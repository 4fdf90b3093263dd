#pragma once
// The generic supervisor actor: starts, monitors, restarts and stops its children.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "runtime/supervision/backoff.hpp"
#include "runtime/supervision/intensity.hpp"
#include "runtime/supervision/policy.hpp"
#include "runtime/supervision/tree.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::supervision {

/// Asks a supervisor for its live subtree; replies a `supervision_tree_node`.
using tree_atom = caf::atom_constant<caf::atom("svtree")>;
/// `(add_child_atom, child_spec)` starts a dynamic child; replies its `caf::actor`.
using add_child_atom = caf::atom_constant<caf::atom("addchild")>;
/// `(child_atom, name)` replies the live `caf::actor` of the named child.
using child_atom = caf::atom_constant<caf::atom("svchild")>;

/// Spawns one child; the supervisor monitors (never links) what it returns.
using child_starter = std::function<caf::actor(caf::local_actor* parent)>;

/// How to start one child and when to restart it.
struct child_spec {
  /// Unique among its siblings; shown in the tree.
  std::string name;
  /// "service", "supervisor", "execution", ...; "supervisor" children are asked for their subtree.
  std::string kind = "service";
  /// A non-supervisor child that also answers `tree_atom` with the subtree it owns.
  bool has_subtree = false;
  /// When the child is restarted after it ended.
  runtime::supervision::restart_type restart = runtime::supervision::restart_type::permanent;
  /// Spawns the child (again, on every restart).
  child_starter start;
};

/// Everything a supervisor needs; children may also be added later by message.
struct supervisor_config {
  /// The supervisor's name in the tree.
  std::string name;
  /// Which siblings restart together.
  runtime::supervision::strategy strategy = runtime::supervision::strategy::one_for_one;
  /// Restarts allowed per period before the supervisor gives up and escalates.
  runtime::supervision::intensity_limit intensity;
  /// Delay before each restart.
  runtime::supervision::backoff_policy backoff;
  /// How long a child may take to stop before it is killed.
  std::chrono::milliseconds shutdown_timeout{5000};
  /// How long to wait for a child supervisor's subtree.
  std::chrono::milliseconds tree_timeout{1000};
  /// Static children in start order.
  std::vector<child_spec> children;
  /// Clock of the restart intensity, jitter and timer of the backoff (null: the real env).
  std::shared_ptr<actors::env> env;
  /// Jitter source of the backoff; null means the env's.
  runtime::supervision::random_source random;
  /// Called on the supervisor's thread whenever a child started, stopped, failed or is waiting
  /// for its restart (e.g. to push the tree to watchers); must be quick. Null: nobody listens.
  std::function<void()> on_change;
};

/// Spawns a supervisor that starts `config.children` in order.
caf::actor spawn_supervisor(caf::actor_system& system, supervisor_config config);

/// A child spec (kind "supervisor") that starts a nested supervisor from `config`.
child_spec supervisor_child(
    supervisor_config config,
    runtime::supervision::restart_type restart = runtime::supervision::restart_type::permanent);

}  // namespace auraos::actors::supervision

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::supervision::child_spec)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::runtime::supervision::supervision_tree_node)
