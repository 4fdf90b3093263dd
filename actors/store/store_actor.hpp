#pragma once
// The store actor: owns the store on its own thread and group-commits writes.

#include <memory>

#include <caf/atom.hpp>
#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/store/commit_listener.hpp"
#include "actors/store/commit_stats.hpp"
#include "actors/store/secret_read.hpp"
#include "actors/store/security_read.hpp"
#include "actors/store/store_queries.hpp"
#include "actors/store/task_read.hpp"
#include "persistence/store.hpp"

namespace auraos::actors::store {

/// Commits the pending writes now (the actor sends it to itself).
using flush_atom = caf::atom_constant<caf::atom("flush")>;
/// Probes a database that is down (the actor sends it to itself with a backoff).
using probe_atom = caf::atom_constant<caf::atom("probe")>;
/// Asks for the commit_stats.
using stats_atom = caf::atom_constant<caf::atom("stats")>;

/// The store actor's interface: writes are batched, reads answered at once.
using store_actor = caf::typed_actor<
    caf::replies_to<persistence::write_request>::with<persistence::write_outcome>,
    caf::reacts_to<flush_atom>, caf::reacts_to<probe_atom>,
    caf::replies_to<ping_query>::with<persistence::store_status>,
    caf::replies_to<stats_atom>::with<commit_stats>,
    caf::replies_to<get_workflow_query>::with<
        persistence::store_result<persistence::workflow_record>>,
    caf::replies_to<list_workflows_query>::with<
        persistence::store_result<persistence::page<persistence::workflow_record>>>,
    caf::replies_to<list_revisions_query>::with<
        persistence::store_result<persistence::page<persistence::workflow_record>>>,
    caf::replies_to<get_execution_query>::with<
        persistence::store_result<persistence::execution_record>>,
    caf::replies_to<list_executions_query>::with<
        persistence::store_result<persistence::page<persistence::execution_record>>>,
    caf::replies_to<count_executions_query>::with<
        persistence::store_result<persistence::status_counts>>,
    caf::replies_to<execution_activity_query>::with<
        persistence::store_result<persistence::execution_activity>>,
    caf::replies_to<unfinished_executions_query>::with<
        persistence::store_result<std::vector<persistence::execution_record>>>,
    caf::replies_to<read_history_query>::with<
        persistence::store_result<std::vector<persistence::history_event>>>,
    caf::replies_to<latest_snapshot_query>::with<
        persistence::store_result<std::optional<persistence::snapshot_record>>>,
    caf::replies_to<due_timers_query>::with<
        persistence::store_result<std::vector<persistence::timer_record>>>,
    caf::replies_to<next_timer_deadline_query>::with<
        persistence::store_result<std::optional<std::int64_t>>>,
    caf::replies_to<shard_lease_query>::with<persistence::store_result<persistence::shard_lease>>,
    caf::replies_to<get_event_query>::with<persistence::store_result<persistence::event_record>>,
    caf::replies_to<list_events_query>::with<
        persistence::store_result<persistence::page<persistence::event_record>>>,
    caf::replies_to<correlated_events_query>::with<
        persistence::store_result<std::vector<persistence::event_record>>>,
    caf::replies_to<last_event_seq_query>::with<persistence::store_result<std::int64_t>>,
    caf::replies_to<event_cursor_query>::with<persistence::store_result<std::int64_t>>,
    caf::replies_to<get_pattern_query>::with<
        persistence::store_result<persistence::event_pattern_record>>,
    caf::replies_to<list_patterns_query>::with<
        persistence::store_result<persistence::page<persistence::event_pattern_record>>>,
    caf::replies_to<pattern_states_query>::with<
        persistence::store_result<std::vector<persistence::event_pattern_state>>>,
    caf::replies_to<event_retention_rules_query>::with<
        persistence::store_result<std::vector<persistence::event_retention_rule>>>,
    caf::replies_to<event_types_query>::with<
        persistence::store_result<std::vector<std::string>>>,
    caf::replies_to<event_count_cutoff_query>::with<persistence::store_result<std::int64_t>>,
    caf::replies_to<event_counts_query>::with<
        persistence::store_result<std::vector<persistence::event_count>>>,
    caf::replies_to<task_read>::with<persistence::store_status>,
    caf::replies_to<security_read>::with<persistence::store_status>,
    caf::replies_to<secret_read>::with<persistence::store_status>>;

/// Spawns the store actor detached (on its own thread), owning `store`. When a write,
/// read or ping finds the database unavailable, the actor logs one warning, refuses API writes
/// at once, holds runtime writes and probes the database (`store::ping`) with a backoff capped
/// at 500 ms until it answers; then it logs one info line and commits what it held. `listener`
/// (may be null) hears of each successful commit before the requesters get their answers.
store_actor spawn_store_actor(caf::actor_system& system, std::shared_ptr<persistence::store> store,
                              std::shared_ptr<commit_listener> listener = nullptr);

}  // namespace auraos::actors::store
