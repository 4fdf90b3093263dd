#pragma once
// The task scheduler (`task-scheduler`, a node child after the tasks service): it owns the
// stored schedules, wakes at each one's next fire time, decides with
// runtime/schedule/fire_decision.hpp what starts and what is skipped (overlap policy, catch-up
// window after downtime), starts runs through the pool with the idempotency key
// `schedule:<fire time>` (so a fire time starts at most one run, across restarts), and stores
// what it handled.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>

#include "actors/executions/event_requests.hpp"
#include "actors/store/store_actor.hpp"
#include "actors/supervision/supervisor.hpp"
#include "actors/tasks/task_messages.hpp"

namespace auraos::actors {
class env;
}  // namespace auraos::actors

namespace auraos::actors::tasks {

/// The registry name of the scheduler.
inline constexpr caf::atom_value scheduler_registry_name =
    executions::tasks_scheduler_registry_name;

/// `(schedule_run_ended_atom, task_id, run_id)`: from the pool: a run a schedule started ended.
using schedule_run_ended_atom = caf::atom_constant<caf::atom("tsrunend")>;

/// Stores (creates or replaces) a task's schedule; `spec` is the validated schedule's JSON.
struct schedule_put {
  std::string task_id;  ///< The task.
  std::string spec;     ///< JSON text, defaults filled in.
};

/// Asks for (`remove` false) or deletes a task's schedule.
struct schedule_call {
  std::string task_id;  ///< The task.
  bool remove = false;  ///< Delete it.
};

/// A schedule as it stands.
struct schedule_info {
  persistence::task_schedule_record record;  ///< As stored (spec and scheduler state).
  std::vector<std::int64_t> next_fire_times;  ///< The next 5 (none when paused or ended).
};

/// A schedule, or why there is none.
using schedule_reply = result<schedule_info, task_failure>;

/// The supervised child that runs the scheduler (registered as scheduler_registry_name).
/// Clustered: it loads and fires schedules only while this node holds shard 0.
supervision::child_spec scheduler_child(store::store_actor store, std::shared_ptr<actors::env> env,
                                        bool clustered);

}  // namespace auraos::actors::tasks

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::schedule_put)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::schedule_call)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(auraos::actors::tasks::schedule_reply)
