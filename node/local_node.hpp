#pragma once
// A node in this process: the one assembly point of `serve`, `run`, tests and benchmarks.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "actors/env.hpp"
#include "actors/events/events_service.hpp"
#include "actors/tasks/tasks_service.hpp"
#include "actors/executions/executions_service.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"
#include "cluster/transport_options.hpp"
#include "persistence/store.hpp"
#include "runtime/supervision/intensity.hpp"

namespace auraos::node {

class actor_runtime;

class local_node;

namespace detail {
class store_slot;
}  // namespace detail

/// Something a node runs after its engine (e.g. the gateway): given the node (its actor
/// system exists, its root does not yet), the child to start under the root.
using part = std::function<actors::supervision::child_spec(local_node& node)>;

/// What a node is assembled from.
struct node_settings {
  /// The opened store; the node's store actor owns it.
  std::shared_ptr<persistence::store> store;
  /// Settings of the executions service (its handlers included).
  actors::executions::executions_options executions;
  /// Settings of the events service (its env is the node's).
  actors::events::events_options events;
  /// Settings of the tasks service (its env is the node's).
  actors::tasks::tasks_options tasks;
  /// Scheduler worker threads (0: CAF's default).
  int scheduler_threads = 0;
  /// Restarts the root allows within its period before it gives up.
  runtime::supervision::intensity_limit intensity = runtime::supervision::node_intensity;
  /// Children started after the engine's, in order; restarted with the store (rest_for_one).
  std::vector<part> parts;
  /// The node's environment: clock, randomness, timers, files (null: the real one). Every
  /// child takes it: the root supervisor, the timer service, the executions service.
  std::shared_ptr<actors::env> env;
  /// A clustered node's middleman settings (none: no middleman is loaded).
  std::optional<cluster::transport_options> transport;
  /// Runs when a stop signal arrived, before the tree is stopped (a clustered node hands its
  /// shards over there).
  std::function<void()> on_stop_signal;
  /// Called by the root and the execution supervisor whenever a child's state moved (see
  /// `supervisor_config::on_change`); null: nobody listens.
  std::function<void()> on_tree_change;
  /// Hears of every commit of the store actor (live updates); null: nobody.
  std::shared_ptr<actors::store::commit_listener> commit_listener;
};

/// An actor system running the root supervisor "node": the store child, the timer service,
/// the executions service child, then the parts. Stopped in order (parts, executions, store, the
/// system).
class local_node {
 public:
  /// Starts the actor system and the supervision tree from `settings`.
  explicit local_node(node_settings settings);
  /// Stops everything (see `stop`).
  ~local_node();
  local_node(const local_node&) = delete;
  local_node& operator=(const local_node&) = delete;

  /// Stops the root (executions record interrupted attempts, then the store actor ends) and
  /// waits for it, then the actor system; later calls do nothing.
  void stop();
  /// Waits until SIGINT or SIGTERM (then stops the tree in order) or until the root gave up;
  /// true when a signal stopped it. The stop signals must have been blocked
  /// (`node::block_stop_signals`) before the node was built.
  bool run_until_stop_signal();

  /// The actor system.
  caf::actor_system& system();
  /// The root supervisor (null after `stop`).
  caf::actor root() const;
  /// The live store actor, waiting up to `wait` for the store child to start; null after that.
  actors::store::store_actor store(std::chrono::milliseconds wait = std::chrono::seconds(10));
  /// Calls `listener` with the store actor after each (re)start of the store child (at once
  /// with the current one, if it runs), and with null when the node stopped.
  void on_store_started(std::function<void(actors::store::store_actor)> listener);
  /// The registered executions service, waiting up to `wait` for it; null after that.
  caf::actor executions(std::chrono::milliseconds wait = std::chrono::seconds(10));
  /// Stores a workflow definition (blocking); its record, or why the store refused it.
  persistence::store_result<persistence::workflow_record> put_workflow(
      persistence::workflow_draft draft);

 private:
  std::unique_ptr<actor_runtime> runtime_;
  std::shared_ptr<detail::store_slot> store_;
  caf::actor root_;
  std::function<void()> on_stop_signal_;
};

}  // namespace auraos::node
