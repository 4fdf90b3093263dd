#pragma once
// Internal to the executions service: its state and the steps its behaviour is made of.

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <caf/actor_addr.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/response_promise.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "actors/env.hpp"
#include "actors/executions/execution.hpp"
#include "persistence/shards.hpp"

namespace auraos::actors::executions::detail {

/// Continuations of an activation in progress.
struct activation_waiter {
  std::function<void(caf::actor)> ready;
  std::function<void(execution_failure)> failed;
};

/// A revoke that waits for the execution actors of its shards to be down.
struct revoke_wait {
  /// The executions still live, stopping or activating.
  std::set<std::string> ids;
  /// Answered `ok_atom` when `ids` is empty.
  caf::typed_response_promise<caf::ok_atom> promise;
};

/// The executions service's state.
struct service_state {
  service_state() = default;
  store::store_actor store;
  executions_options options;
  std::shared_ptr<runtime::handlers::node_handlers> runners;
  /// The dynamic supervisor of the execution actors.
  caf::actor supervisor;
  /// Live execution actors by execution id.
  std::map<std::string, caf::actor> live;
  /// The execution id of every monitored actor, to find it when it goes down.
  std::unordered_map<caf::actor_addr, std::string> monitored;
  /// Unfinished executions still to re-activate after a (re)start, a window at a time.
  std::deque<std::string> recovery_queue;
  /// Recovery activations under way, what was counted so far, and when recovery began.
  std::size_t recovery_in_flight = 0;
  recovery_report recovery;
  std::optional<std::chrono::steady_clock::time_point> recovery_began;
  /// Set once the unfinished executions were read, until recovery was reported.
  bool recovery_listed = false;
  /// Activations in progress.
  std::map<std::string, std::vector<activation_waiter>> activating;
  /// Execution actors the service let passivate, until they are down (requests wait for that).
  std::map<std::string, caf::actor> stopping;
  /// The counters (active_actors is filled in when they are asked for).
  executions_counters counters;
  /// The shard leases this node acquired at start (none yet: activations wait in
  /// `awaiting_leases`); every execution writes under its shard's epoch.
  std::optional<persistence::held_leases> leases;
  std::vector<std::pair<std::string, std::shared_ptr<execution_preload>>> awaiting_leases;
  /// Revokes waiting for their executions to stop.
  std::vector<revoke_wait> revokes;
  static inline const char* name = "executions-service";
};

/// The service actor.
using service_actor = caf::stateful_actor<service_state>;

/// True when this node holds the lease of `id`'s shard.
bool holds(const service_state& s, const std::string& id);
/// The refusal of a request about an execution whose shard this node does not hold.
execution_failure not_held(const service_state& s, const std::string& id);
/// Takes the granted shards' epochs, tells the timer service and re-activates their
/// unfinished executions.
void grant_shards(service_actor* self, const std::vector<persistence::fence>& fences);
/// Gives up shards: forgets their epochs and stops their execution actors (`mode`); `promise`
/// is answered once every one of them is down.
void revoke_shards(service_actor* self, const std::vector<std::int64_t>& shards, revoke_mode mode,
                   caf::typed_response_promise<caf::ok_atom> promise);
/// Answers the revokes whose executions are all down (after `id` stopped or failed to start).
void settle_revokes(service_actor* self, const std::string& id);
/// Re-activates the unfinished executions of `shards` (empty: every shard), a window at a time;
/// while the database is unavailable it tries again every second.
void recover(service_actor* self, std::vector<std::int64_t> shards = {});
/// Starts the actor of `id` under its shard's fence (after the leases were acquired).
void activate(service_actor* self, const std::string& id,
              std::shared_ptr<execution_preload> preload = nullptr);
/// Runs `ready` with the live actor of `id`, activating it from the store when needed.
void with_actor(service_actor* self, const std::string& id, std::function<void(caf::actor)> ready,
                std::function<void(execution_failure)> failed,
                std::shared_ptr<execution_preload> preload = nullptr);
/// Answers the view of an execution created just now, activating it from `preload`.
void route_created(service_actor* self, const std::string& id,
                   std::shared_ptr<execution_preload> preload, caf::response_promise promise);
/// Records a started execution actor.
void on_live(service_actor* self, const std::string& id, caf::actor actor);
/// Answers the view of `row` folded from its stored history (a finished execution, or one
/// another node runs).
void read_stored_view(service_actor* self, persistence::execution_record row,
                      caf::response_promise promise);
/// Answers a get/pause/resume/cancel (from the actor, or from the store when finished).
void route(service_actor* self, caf::atom_value action, const std::string& id,
           caf::response_promise promise, bool retry = true);
/// Answers the live actor of an unfinished execution (activating it when needed).
void locate(service_actor* self, const std::string& id, caf::response_promise promise);
/// Answers a page of history records (or their log lines) from the store.
void read_history(service_actor* self, store::read_history_query page, bool logs,
                  caf::response_promise promise);
/// Checks and stores a new execution, then answers its view.
void start(service_actor* self, start_execution_command command, caf::response_promise promise);
/// Starts (or finds) the child execution of a subworkflow node.
void start_child(service_actor* self, child_request request, caf::response_promise promise);
/// Counts an ended execution and tells its parent, if any.
void on_ended(service_actor* self, execution_end end);
/// Lets a live execution actor stop: no request goes to it any more; hands its earliest timer
/// deadline (if any) to the node's timer service.
void on_passivated(service_actor* self, const std::string& id, std::int64_t deadline_ms);
/// Tells each execution of `ids` (from the timer service) that its timers are due, activating
/// it when it is not live.
void on_timers_due(service_actor* self, const std::vector<std::string>& ids);
/// Forgets a stopped execution actor; activates it again when requests wait for it.
void on_down(service_actor* self, const caf::down_msg& msg);
/// Replies the service's subtree: the execution supervisor and its live executions.
caf::typed_response_promise<runtime::supervision::supervision_tree_node> collect_service_tree(
    service_actor* self);
/// The service's named child ("executions": the execution supervisor), for the fault route.
caf::result<caf::actor> service_child(service_actor* self, const std::string& name);
/// The refusal a failed store request means to a client (unavailable: 503, ...).
execution_failure store_failure(const persistence::store_error& error);

}  // namespace auraos::actors::executions::detail
