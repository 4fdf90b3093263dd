#pragma once
// A task run's actor: it carries out one admitted attempt of its run (a shell command, an HTTP
// call, a transform, a subworkflow, or an external worker's lease), stores how the attempt
// ended together with its log lines, tells the pool, and stops. Retries are new admissions.

#include <memory>
#include <optional>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "actors/executions/executions_service.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/tasks/task_spec.hpp"
#include "persistence/task_record.hpp"

namespace auraos::runtime::handlers {
class node_handlers;
}  // namespace auraos::runtime::handlers

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::tasks {

/// `(run_ended_atom, task_run_record)`: from a run actor to the pool once the end of its
/// attempt is stored (the record as stored).
using run_ended_atom = caf::atom_constant<caf::atom("trended")>;
/// `(run_cancel_atom)`: to a run actor: stop the attempt; the run ends `cancelled`.
using run_cancel_atom = caf::atom_constant<caf::atom("trcancel")>;

/// What a run actor needs.
struct run_args {
  persistence::task_run_record run;  ///< As stored: status running, its attempt counted.
  task_spec_ptr spec;                ///< Its task.
  store::store_actor store;          ///< Where it stores the end.
  caf::actor pool;                   ///< Told of the end (run_ended_atom).
  std::shared_ptr<actors::env> env;  ///< Clock, timers, randomness.
  std::shared_ptr<runtime::handlers::node_handlers> runners;  ///< Shell and HTTP work.
  executions::executions_actor executions;  ///< Runs subworkflow tasks.
  std::optional<persistence::fence> lease;  ///< The queue shard's lease (cluster).
};

/// Spawns the actor of one attempt; an external run's actor holds its lease until it expires
/// (then the attempt fails with `lease_expired`) or the worker completes or fails it.
caf::actor spawn_run_actor(caf::actor_system& system, run_args args);

}  // namespace auraos::actors::tasks
