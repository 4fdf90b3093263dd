#pragma once
// Internal to the scheduler: its state and the steps of a wake-up.

#include <deque>
#include <map>
#include <string>

#include <caf/stateful_actor.hpp>

#include "actors/tasks/scheduler.hpp"
#include "runtime/schedule/fire_decision.hpp"

namespace auraos::actors::tasks::detail {

/// `(schedule_wake_atom, task_id, token)`: a schedule's next fire time came (stale tokens
/// are ignored).
using schedule_wake_atom = caf::atom_constant<caf::atom("tswake")>;
/// `(schedules_reload_atom)`: load again (the store could not answer).
using schedules_reload_atom = caf::atom_constant<caf::atom("tsreload")>;
/// `(schedules_loaded_atom)`: the stored schedules are loaded.
using schedules_loaded_atom = caf::atom_constant<caf::atom("tsloaded")>;

/// Most skipped fire times kept in a schedule's state (the count covers all).
inline constexpr std::size_t kept_skips = 100;

/// One live schedule.
struct live_schedule {
  runtime::schedule::schedule_spec spec;   ///< Validated.
  persistence::task_schedule_record record;  ///< As stored.
  runtime::schedule::fire_state fires;     ///< Anchor, last handled, running, buffered.
  std::optional<std::int64_t> buffered_at;  ///< The buffered fire time (buffer_one).
  std::optional<std::string> current_run;   ///< The run it started that has not ended.
  std::optional<std::int64_t> last_fire;    ///< The last fire time that started a run.
  std::deque<runtime::schedule::skipped_fire> skips;  ///< The newest skipped fire times.
  std::uint64_t skipped_count = 0;          ///< Every skipped fire time.
  std::int64_t token = 0;                   ///< The current wake-up's token.
  int pending_starts = 0;                   ///< Starts asked of the pool, not answered yet.
};

/// The scheduler's state.
struct scheduler_state {
  scheduler_state() = default;  // never an aggregate: see CAF-NOTES.md
  store::store_actor store;
  std::shared_ptr<actors::env> env;
  std::map<std::string, live_schedule> schedules;
  std::int64_t next_token = 1;
  /// In a cluster: the load began (this node holds shard 0).
  bool loading = false;
  /// True on a clustered node: the scheduler runs only while the node holds shard 0.
  bool clustered = false;
};

/// The scheduler.
using scheduler_actor = caf::stateful_actor<scheduler_state>;

/// The schedule's state as stored (JSON text).
std::string state_json(const live_schedule& schedule);
/// Reads a stored schedule into a live one (false when its spec no longer parses).
bool restore(live_schedule& schedule, const persistence::task_schedule_record& record);
/// Handles the fire times due for `task_id` now, then arms its next wake-up.
void wake(scheduler_actor* self, const std::string& task_id);
/// A run the schedule of `task_id` started ended: starts a buffered fire time, if any.
void run_ended(scheduler_actor* self, const std::string& task_id, const std::string& run_id);
/// Arms the next wake-up of `task_id` (none when it never fires again).
void arm(scheduler_actor* self, live_schedule& schedule);
/// The schedule with its next fire times.
schedule_info info_of(scheduler_actor* self, const live_schedule& schedule);

}  // namespace auraos::actors::tasks::detail
