#pragma once
// The engine in one process: an actor system with a store actor and the executions service
// under one supervisor, stopped in order (executions, then the store, then the system).

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "actors/executions_service.hpp"
#include "actors/store_actor.hpp"
#include "actors/supervisor.hpp"
#include "persistence/store.hpp"

namespace auraos::actors {

class actor_runtime;

namespace detail {
class store_slot;
}  // namespace detail

/// Called with the store actor after each (re)start of the store child.
using store_started_fn = std::function<void(store_actor)>;

/// The store child, the node's timer service and the executions service child, in start
/// order, for a `rest_for_one` supervisor: the later ones restart with the new store actor when
/// the store restarts. Every child takes its clock and timers from `options.env`.
std::vector<child_spec> engine_children(std::shared_ptr<persistence::store> store,
                                        executions_options options,
                                        store_started_fn on_store_started = {});

/// An actor system running the engine children under a supervisor named "node".
class local_engine {
 public:
  /// Starts a system with `scheduler_threads` workers (0: CAF's default) over `store`; clocks,
  /// timers and files come from `options.env` (null: the real environment).
  local_engine(std::shared_ptr<persistence::store> store, executions_options options,
               int scheduler_threads = 0);
  /// Stops everything (see `stop`).
  ~local_engine();
  local_engine(const local_engine&) = delete;
  local_engine& operator=(const local_engine&) = delete;

  /// Stops the supervisor (executions record interrupted attempts, then the store actor
  /// ends) and waits for it, then the actor system; later calls do nothing.
  void stop();
  /// The actor system.
  caf::actor_system& system();
  /// The live store actor, waiting up to 10 s for the store child to start; null after that.
  store_actor store();
  /// The supervisor of the store and the service.
  caf::actor supervisor() const;
  /// The registered executions service, waiting up to `wait` for it; null after that.
  caf::actor service(std::chrono::milliseconds wait = std::chrono::seconds(10));
  /// Stores a workflow definition (blocking); its record, or why the store refused it.
  persistence::store_result<persistence::workflow_record> put_workflow(
      persistence::workflow_draft draft);

 private:
  std::unique_ptr<actor_runtime> runtime_;
  std::shared_ptr<detail::store_slot> store_;
  caf::actor supervisor_;
};

}  // namespace auraos::actors
