#pragma once
// The tasks service (`tasks`, a node child): the worker pool. It owns the node's queues of task
// runs, admits runs by priority with aging, resources, concurrency keys and rate limits
// (runtime/tasks/admission.hpp), runs each admitted attempt as a supervised run actor
// (run_actor.hpp), hands external runs to workers under leases, and answers the requests of
// task_messages.hpp. Its child `task-scheduler` fires the tasks' schedules.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>

#include "actors/executions/event_requests.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"

namespace auraos::runtime::handlers {
class node_handlers;
}  // namespace auraos::runtime::handlers

namespace auraos::runtime::crypto {
class secret_keys;
}  // namespace auraos::runtime::crypto

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::tasks {

/// The registry name of the tasks service (the gateway and the scheduler ask it).
inline constexpr caf::atom_value tasks_registry_name = executions::tasks_registry_name;

/// `(pool_figures_atom)`: replies the pool's `pool_figures`.
using pool_figures_atom = caf::atom_constant<caf::atom("tpfigures")>;

/// The pool's settings (node configuration `pool`).
struct pool_settings {
  /// Capacity per resource; cpu and memoryMiB default to the machine's cores and memory.
  std::map<std::string, double> capacity;
  /// Runs at once at most (external runs not counted).
  std::int64_t workers = 16;
  /// A waiting run gains one priority level per this many seconds.
  std::int64_t aging_seconds = 60;
};

/// How the tasks service runs.
struct tasks_options {
  std::shared_ptr<actors::env> env;  ///< Clock, timers, randomness (null: the real ones).
  pool_settings pool;                ///< The pool.
  std::string node_name;             ///< Recorded as the `worker` of runs this node runs.
  /// Part of a cluster: the pool and the scheduler work only while this node holds shard 0
  /// (executions::event_coordinator_shard), and stop when it loses it (docs/tasks.md).
  bool clustered = false;
  /// Where shell and http attempts run; null: the real handlers, made at each start.
  std::shared_ptr<runtime::handlers::node_handlers> runners;
  /// Seals and opens the tasks' secret config values; null: a key only this process knows.
  std::shared_ptr<runtime::crypto::secret_keys> secret_keys = nullptr;
};

/// The pool's settings with the machine's cores and memory filled in where absent.
pool_settings with_machine_defaults(pool_settings settings);

/// The supervised child that runs the tasks service (registered as tasks_registry_name); it
/// loads the definitions and the unfinished runs from `store` at every (re)start.
supervision::child_spec tasks_service_child(store::store_actor store, tasks_options options);

}  // namespace auraos::actors::tasks
