// The executions service actor: supervisor of execution actors, registry, counters.
#include "actors/executions/executions_service.hpp"

#include <unistd.h>

#include <caf/actor_registry.hpp>
#include <caf/actor_system.hpp>

#include "actors/executions/service_state.hpp"
#include "actors/registration.hpp"
#include "runtime/crypto/secret_keys.hpp"

namespace auraos::actors::executions {

namespace p = persistence;

namespace detail {

namespace {

namespace sv = runtime::supervision;

executions_counters counters_of(const service_state& s) {
  auto out = s.counters;
  out.active_actors = static_cast<std::int64_t>(s.live.size() + s.stopping.size());
  return out;
}

/// Restarts of execution actors allowed within 5 s before the execution supervisor gives up.
constexpr std::size_t execution_restarts_per_period = 100;

void start_supervisor(service_actor* self) {
  supervision::supervisor_config config;
  config.name = "executions";
  config.strategy = sv::strategy::simple_one_for_one;
  // Executions fail independently: one budget for all of them must not let two unrelated
  // failures in a few seconds restart the whole service.
  config.intensity = {execution_restarts_per_period, std::chrono::seconds(5)};
  config.env = self->state.options.env;
  config.on_change = self->state.options.on_tree_change;
  self->state.supervisor = supervision::spawn_supervisor(self->system(), std::move(config));
  self->link_to(self->state.supervisor);
}

/// `(recover_atom, shards)`: retries recovery after the database was unavailable.
using recover_atom = caf::atom_constant<caf::atom("recover")>;

/// Executions re-activated at once during recovery: bounds the memory and store reads of a
/// restart with many unfinished executions (waiting ones passivate again right after loading).
constexpr std::size_t recovery_window = 256;

/// Tells `on_recovered` how recovery went, once every queued activation has ended.
void report_recovery(service_actor* self) {
  auto& s = self->state;
  if (!s.recovery_listed || !s.recovery_queue.empty() || s.recovery_in_flight > 0) return;
  s.recovery_listed = false;
  s.recovery.took = std::chrono::duration_cast<std::chrono::milliseconds>(
      s.options.env->steady_now() - s.recovery_began.value_or(s.options.env->steady_now()));
  s.recovery_began.reset();
  if (s.options.on_recovered) s.options.on_recovered(std::exchange(s.recovery, {}));
}

/// Re-activates queued unfinished executions until `recovery_window` are under way; each
/// activation that ends starts the next. Executions of shards given up meanwhile are skipped.
void recover_more(service_actor* self) {
  auto& s = self->state;
  while (s.recovery_in_flight < recovery_window && !s.recovery_queue.empty()) {
    auto id = std::move(s.recovery_queue.front());
    s.recovery_queue.pop_front();
    if (!holds(s, id)) continue;
    ++s.recovery_in_flight;
    auto ended = [self](bool ok) {
      auto& st = self->state;
      --st.recovery_in_flight;
      ++(ok ? st.recovery.recovered : st.recovery.failed);
      recover_more(self);
    };
    with_actor(
        self, id, [ended](caf::actor) { ended(true); },
        [ended](execution_failure) { ended(false); });
  }
  report_recovery(self);
}

/// The owner name of a single node's shard leases: its host name.
std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

/// Takes every shard's lease for this node (the bumped epochs fence out any earlier holder,
/// such as a previous run of this node), then starts the activations that waited for them,
/// recovery and the timer wake-up. A clustered node holds nothing until its keeper grants.
void acquire_leases(service_actor* self) {
  auto& options = self->state.options;
  if (options.clustered) {
    self->state.leases = p::held_leases{};
    self->state.leases->epochs.assign(static_cast<std::size_t>(options.shard_count), 0);
    return;
  }
  auto owner = options.lease_owner.empty() ? host_name() : options.lease_owner;
  self->request(self->state.store, caf::infinite, p::acquire_all_shards(owner, options.shard_count))
      .then(
          [self](p::write_outcome& outcome) {
            std::optional<p::held_leases> held;
            if (outcome) held = p::leases_from(*outcome);
            if (!held)
              return self->quit(caf::make_error(
                  caf::sec::runtime_error,
                  "acquire the shard leases: " +
                      (outcome ? std::string{"not a lease"} : outcome.error().message)));
            auto& s = self->state;
            s.leases = std::move(held);
            for (auto& [id, preload] : std::exchange(s.awaiting_leases, {}))
              activate(self, id, std::move(preload));
            recover(self);
          },
          [self](caf::error& e) { self->quit(std::move(e)); });
}

/// Stops the execution supervisor (executions record their interrupted attempts), then quits.
void stop(service_actor* self, caf::error reason) {
  auto supervisor = self->state.supervisor;
  if (!reason || reason == caf::exit_reason::normal || !supervisor) return;
  self->unlink_from(supervisor);
  self->monitor(supervisor);
  self->set_down_handler([self, supervisor, reason](caf::down_msg& msg) {
    if (msg.source == supervisor.address()) self->quit(reason);
  });
  self->send_exit(supervisor, reason);
}

template <class Atom>
auto routed(service_actor* self) {
  return [self](Atom atom, const std::string& id) {
    auto promise = self->make_response_promise();
    route(self, atom, id, promise);
    return promise;
  };
}

caf::behavior service(service_actor* self, store::store_actor store, executions_options options) {
  self->state.store = std::move(store);
  self->state.options = std::move(options);
  self->state.options.env = env_or_real(self->state.options.env);
  if (!self->state.options.secret_keys)
    self->state.options.secret_keys = runtime::crypto::secret_keys::ephemeral();
  self->state.runners = self->state.options.handlers ? self->state.options.handlers
                                                     : runtime::handlers::make_node_handlers();
  self->set_down_handler([self](caf::down_msg& msg) { on_down(self, msg); });
  self->set_exit_handler([self](caf::exit_msg& msg) { stop(self, std::move(msg.reason)); });
  register_while_alive(self, executions_registry_name);
  start_supervisor(self);
  acquire_leases(self);
  return {
      [self](start_execution_command& command) {
        auto promise = self->make_response_promise();
        start(self, std::move(command), promise);
        return promise;
      },
      routed<caf::get_atom>(self),
      routed<pause_atom>(self),
      routed<resume_atom>(self),
      routed<cancel_atom>(self),
      [self](history_atom, const std::string& id, std::int64_t after, std::int64_t limit) {
        auto promise = self->make_response_promise();
        read_history(self, {id, after, limit}, false, promise);
        return promise;
      },
      [self](logs_atom, const std::string& id, std::int64_t after, std::int64_t limit) {
        auto promise = self->make_response_promise();
        read_history(self, {id, after, limit}, true, promise);
        return promise;
      },
      [self](locate_atom, const std::string& id) {
        auto promise = self->make_response_promise();
        locate(self, id, promise);
        return promise;
      },
      [self](counters_atom) { return counters_of(self->state); },
      [self](live_atom, const std::string& id, caf::actor& actor) { on_live(self, id, actor); },
      [self](passivated_atom, const std::string& id, std::int64_t deadline) {
        on_passivated(self, id, deadline);
        return caf::ok_atom::value;
      },
      [self](ended_atom, execution_end& end) { on_ended(self, std::move(end)); },
      [self](fenced_atom) { ++self->state.counters.fenced_writes; },
      [self](relay_atom, const std::string& parent, attempt_outcome& outcome) {
        if (!holds(self->state, parent)) return false;
        with_actor(
            self, parent,
            [outcome](caf::actor a) { caf::anon_send(a, attempt_done_atom::value, outcome); },
            [](execution_failure) {});
        return true;
      },
      [self](count_atom, int attempts, int retries) {
        self->state.counters.attempts += attempts;
        self->state.counters.retries += retries;
      },
      [self](child_start_atom, child_request& request) {
        auto promise = self->make_response_promise();
        start_child(self, std::move(request), promise);
        return promise;
      },
      [self](timers_due_atom, const std::vector<std::string>& ids) { on_timers_due(self, ids); },
      [self](supervision::tree_atom) { return collect_service_tree(self); },
      [self](recover_atom, std::vector<std::int64_t>& shards) { recover(self, std::move(shards)); },
      [self](shards_granted_atom, const std::vector<p::fence>& fences) {
        grant_shards(self, fences);
        return caf::ok_atom::value;
      },
      [self](shards_revoked_atom, const std::vector<std::int64_t>& shards, revoke_mode mode) {
        auto promise = self->make_response_promise<caf::ok_atom>();
        revoke_shards(self, shards, mode, promise);
        return promise;
      },
      [self](supervision::child_atom, const std::string& name) {
        return service_child(self, name);
      },
  };
}

}  // namespace

void recover(service_actor* self, std::vector<std::int64_t> shards) {
  auto& s = self->state;
  if (!s.recovery_began) s.recovery_began = s.options.env->steady_now();
  store::unfinished_executions_query query;
  query.shards = shards;
  self->request(s.store, caf::infinite, std::move(query))
      .then([self, shards](p::store_result<std::vector<p::execution_record>>& rows) mutable {
        if (!rows && rows.error().code == p::store_errc::unavailable)
          return self->state.options.env->send_after(self, std::chrono::seconds(1),
                                                     recover_atom::value, std::move(shards));
        if (!rows)
          return self->quit(caf::make_error(caf::sec::runtime_error, rows.error().message));
        for (const auto& row : *rows) self->state.recovery_queue.push_back(row.id);
        self->state.recovery_listed = true;
        recover_more(self);
      });
}

}  // namespace detail

supervision::child_spec executions_service_child(store::store_actor store,
                                                 executions_options options) {
  supervision::child_spec spec;
  spec.name = "executions-service";
  spec.kind = "service";
  spec.has_subtree = true;
  spec.start = [store, options](caf::local_actor* parent) {
    return parent->spawn(detail::service, store, options);
  };
  return spec;
}

}  // namespace auraos::actors::executions
