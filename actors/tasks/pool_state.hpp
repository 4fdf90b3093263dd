#pragma once
// Internal to the tasks service: the pool's state and the steps its behaviour is made of.

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <caf/actor_addr.hpp>
#include <caf/send.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/tasks/run_actor.hpp"
#include "actors/tasks/task_messages.hpp"
#include "actors/tasks/tasks_service.hpp"
#include "runtime/tasks/run_rank.hpp"

namespace auraos::actors::tasks::detail {

/// `(admit_atom)`: runs the admission (coalesced: at most one on its way).
using admit_atom = caf::atom_constant<caf::atom("tpadmit")>;
/// `(retry_due_atom, run_id)`: a retrying run's next attempt may start.
using retry_due_atom = caf::atom_constant<caf::atom("tpretry")>;
/// `(claim_expired_atom, waiter_id)`: a long-polling claim's wait ended.
using claim_expired_atom = caf::atom_constant<caf::atom("tpclaimexp")>;
/// `(reload_atom)`: load again (the store could not answer).
using reload_atom = caf::atom_constant<caf::atom("tpreload")>;
/// `(loaded_atom)`: the definitions and unfinished runs are loaded.
using loaded_atom = caf::atom_constant<caf::atom("tploaded")>;

/// Where an unfinished run is in the pool.
enum class run_place : std::uint8_t {
  none,       ///< Being added: in no index yet.
  waiting,    ///< In its queue, for admission.
  delayed,    ///< Retrying: until next_attempt_at.
  dependent,  ///< Until the runs it depends on end.
  claimable,  ///< External, admitted: until a worker claims it.
  starting,   ///< Admitted: its `running` record is being stored.
  running,    ///< Its run actor runs an attempt (or a worker holds its lease).
};

/// One unfinished run.
struct live_run {
  persistence::task_run_record run;  ///< As stored.
  task_spec_ptr spec;                ///< Its task.
  std::string key;                   ///< Its rendered concurrency key ("" without one).
  std::int64_t seq = 0;              ///< Enqueue order (FIFO within a priority).
  std::int64_t waiting_since = 0;    ///< When it last became waiting (aging).
  run_place place = run_place::none;  ///< Where it is (change it with `set_place`).
  runtime::tasks::rank_key rank;     ///< Its place in its queue while waiting.
  caf::actor actor;                  ///< Its run actor while running.
  runtime::tasks::resource_amounts allocation_amounts;  ///< What it holds while starting or running.
  bool cancel_requested = false;     ///< Cancelled while its start was being stored.
};

/// A long-polling claim.
struct claim_waiter {
  claim_request request;       ///< What it asked for.
  caf::response_promise promise;  ///< Answered with a claim_reply.
};

/// The tasks service's state.
struct pool_state {
  pool_state() = default;  // never an aggregate: see CAF-NOTES.md
  /// Stops the run actors still running (their attempts run again after recovery).
  ~pool_state() {
    for (auto& [id, live] : runs)
      if (live.actor) caf::anon_send_exit(live.actor, caf::exit_reason::user_shutdown);
  }
  store::store_actor store;
  tasks_options options;
  /// Tasks by id.
  std::map<std::string, task_spec_ptr> specs;
  /// Unfinished runs by id (add with `place_run`, remove with `drop_run`).
  std::unordered_map<std::string, live_run> runs;
  /// The waiting runs in admission order: [0] internal, [1] external.
  std::array<std::set<std::pair<runtime::tasks::rank_key, std::string>>, 2> queued;
  /// The runs holding a place (starting, running, claimable): [0] internal, [1] external.
  std::array<std::unordered_set<std::string>, 2> holding;
  /// The run of each monitored run actor.
  std::unordered_map<caf::actor_addr, std::string> monitored;
  /// External runs admitted, per queue, in admission order.
  std::map<std::string, std::deque<std::string>> claimable;
  /// Long-polling claims by id, and per queue in arrival order.
  std::map<std::int64_t, claim_waiter> waiters;
  std::map<std::string, std::deque<std::int64_t>> waiters_of;
  std::int64_t next_waiter = 1;
  /// Start times per task within the longest rate window (rate limits).
  std::map<std::string, std::deque<std::int64_t>> starts;
  /// Runs depending on a run, by that run's id.
  std::map<std::string, std::set<std::string>> dependents;
  /// Final statuses of ended runs that others in memory still depend on.
  std::map<std::string, std::string> ended;
  std::int64_t next_seq = 1;
  bool admit_pending = false;
  /// In a cluster: the load began (this node holds shard 0).
  bool loading = false;
  /// The earliest admission already scheduled by time (0: none).
  std::int64_t admit_wake = 0;
};

/// The tasks service.
using pool_actor = caf::stateful_actor<pool_state>;

/// Moves `live` (in `runs`) to `place`, keeping `queued` and `holding` in step; a run becoming
/// waiting is ranked by its `waiting_since`, so set that first.
void set_place(pool_state& s, live_run& live, run_place place);
/// Forgets the unfinished run `id` (and takes it out of every index).
void drop_run(pool_state& s, const std::string& id);

/// Asks for an admission soon (coalesced).
void request_admission(pool_actor* self);
/// Runs the admission: starts what fits, hands external runs to waiting claims.
void admit(pool_actor* self);
/// Adds a stored queued or retrying run to the pool (its place from its status and deps).
void place_run(pool_actor* self, persistence::task_run_record run);
/// Handles a run whose attempt ended (stored): releases what it held, retries or ends it.
void on_run_ended(pool_actor* self, persistence::task_run_record run);
/// Handles a run actor that stopped without storing its end (it crashed).
void on_run_down(pool_actor* self, const caf::down_msg& down);
/// Stores that runs ended without an attempt (cancelled, blocked by a dependency), then
/// forgets them and tells their dependents; `stored` hears of the ended records once written
/// (or of the store's refusal).
void end_unstarted(pool_actor* self, std::vector<std::string> ids, const std::string& status,
                   const std::string& error_type, const std::string& message,
                   std::function<void(const persistence::write_outcome&,
                                      const std::vector<persistence::task_run_record>&)>
                       stored = {});

/// Starts a run or a batch of runs; `done` hears of the stored runs (or why none started).
void start_runs(pool_actor* self, std::vector<run_request> requests, bool batch,
                std::function<void(started_reply)> done);
/// Cancels a run or starts a run retrying it.
void control_run(pool_actor* self, const run_control& control, caf::response_promise promise);
/// Stores a definition after checking its dependencies.
void put_task(pool_actor* self, task_put put, caf::response_promise promise);
/// Deletes a definition.
void delete_task(pool_actor* self, const task_delete& del, caf::response_promise promise);

/// Claims external runs for a worker (or parks the claim until runs come or it times out).
void claim(pool_actor* self, claim_request request, caf::response_promise promise);
/// Serves the parked claims of `queue` from its claimable runs.
void serve_waiters(pool_actor* self, const std::string& queue);
/// Passes a worker's heartbeat, completion or failure to its run's actor.
void lease(pool_actor* self, const lease_call& call, caf::response_promise promise);

/// The pool's figures.
pool_figures figures_of(const pool_state& state);
/// Loads the definitions and unfinished runs, then sends `loaded_atom` to itself.
void load(pool_actor* self);

}  // namespace auraos::actors::tasks::detail
