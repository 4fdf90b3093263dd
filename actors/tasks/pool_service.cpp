// The tasks service actor (the pool): its behaviour, its child spec and the machine defaults.

#include <unistd.h>

#include <algorithm>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/registration.hpp"
#include "actors/tasks/pool_state.hpp"
#include "runtime/crypto/secret_keys.hpp"
#include "runtime/handlers/node_handlers.hpp"

namespace auraos::actors::tasks {
namespace detail {
namespace {

/// Answers a start through `promise`.
std::function<void(started_reply)> deliver_to(caf::response_promise promise) {
  return [promise](started_reply reply) mutable { promise.deliver(std::move(reply)); };
}

/// The behaviour once the definitions and unfinished runs are loaded.
caf::behavior running(pool_actor* self) {
  return {
      [self](run_request& request) {
        auto promise = self->make_response_promise();
        start_runs(self, {std::move(request)}, false, deliver_to(promise));
        return promise;
      },
      [self](batch_request& batch) {
        auto promise = self->make_response_promise();
        start_runs(self, std::move(batch.runs), true, deliver_to(promise));
        return promise;
      },
      [self](const run_control& control) {
        auto promise = self->make_response_promise();
        control_run(self, control, promise);
        return promise;
      },
      [self](task_put& put) {
        auto promise = self->make_response_promise();
        put_task(self, std::move(put), promise);
        return promise;
      },
      [self](const task_delete& del) {
        auto promise = self->make_response_promise();
        delete_task(self, del, promise);
        return promise;
      },
      [self](claim_request& request) {
        auto promise = self->make_response_promise();
        claim(self, std::move(request), promise);
        return promise;
      },
      [self](const lease_call& call) {
        auto promise = self->make_response_promise();
        lease(self, call, promise);
        return promise;
      },
      [self](pool_figures_atom) { return figures_of(self->state); },
      [self](executions::event_shards_atom, const std::vector<std::int64_t>& held, std::int64_t) {
        // Lost the coordinator's shard: stop (the runs' attempts are re-run by the new
        // coordinator); the supervisor starts the pool again, waiting for the shard. A single
        // node's pool always runs.
        if (self->state.options.clustered &&
            std::count(held.begin(), held.end(), executions::event_coordinator_shard) == 0)
          self->quit(caf::exit_reason::user_shutdown);
      },
      [self](run_ended_atom, persistence::task_run_record& run) {
        on_run_ended(self, std::move(run));
      },
      [self](admit_atom) {
        self->state.admit_pending = false;
        admit(self);
      },
      [self](retry_due_atom, const std::string& id) {
        auto it = self->state.runs.find(id);
        if (it == self->state.runs.end() || it->second.place != run_place::delayed) return;
        it->second.waiting_since = self->state.options.env->now_ms();
        set_place(self->state, it->second, run_place::waiting);
        request_admission(self);
      },
      [self](claim_expired_atom, std::int64_t waiter) {
        auto& s = self->state;
        auto it = s.waiters.find(waiter);
        if (it == s.waiters.end()) return;
        it->second.promise.deliver(claim_reply{std::vector<claimed_run>{}});
        auto& queue = s.waiters_of[it->second.request.queue];
        queue.erase(std::remove(queue.begin(), queue.end(), waiter), queue.end());
        s.waiters.erase(it);
      },
  };
}

caf::behavior pool(pool_actor* self, store::store_actor store, tasks_options options) {
  auto& s = self->state;
  s.store = std::move(store);
  s.options = std::move(options);
  s.options.env = env_or_real(s.options.env);
  s.options.pool = with_machine_defaults(s.options.pool);
  if (!s.options.runners) s.options.runners = runtime::handlers::make_node_handlers();
  if (!s.options.secret_keys) s.options.secret_keys = runtime::crypto::secret_keys::ephemeral();
  self->set_down_handler([self](caf::down_msg& down) { on_run_down(self, down); });
  register_while_alive(self, tasks_registry_name);
  // Requests wait in the mailbox until the pool knows its runs; in a cluster, until this node
  // holds shard 0 (the coordinator) and loaded them.
  if (!s.options.clustered) load(self);
  self->set_default_handler(caf::skip);
  return {
      [self](reload_atom) { load(self); },
      [self](loaded_atom) {
        self->set_default_handler(caf::print_and_drop);
        self->become(running(self));
        request_admission(self);
      },
      [self](executions::event_shards_atom, const std::vector<std::int64_t>& held, std::int64_t) {
        bool coordinator = std::count(held.begin(), held.end(),
                                      executions::event_coordinator_shard) > 0;
        if (coordinator && self->state.options.clustered && !self->state.loading) {
          self->state.loading = true;
          load(self);
        }
      },
  };
}

}  // namespace
}  // namespace detail

pool_settings with_machine_defaults(pool_settings settings) {
  if (!settings.capacity.count("cpu")) {
    auto cores = ::sysconf(_SC_NPROCESSORS_ONLN);
    settings.capacity["cpu"] = cores > 0 ? static_cast<double>(cores) : 1.0;
  }
  if (!settings.capacity.count("memoryMiB")) {
    auto pages = ::sysconf(_SC_PHYS_PAGES);
    auto size = ::sysconf(_SC_PAGE_SIZE);
    settings.capacity["memoryMiB"] =
        pages > 0 && size > 0 ? static_cast<double>(pages) * static_cast<double>(size) / 1048576.0
                              : 1024.0;
  }
  return settings;
}

supervision::child_spec tasks_service_child(store::store_actor store, tasks_options options) {
  supervision::child_spec spec;
  spec.name = "tasks-service";
  spec.kind = "service";
  spec.start = [store, options](caf::local_actor* parent) {
    return caf::actor_cast<caf::actor>(parent->spawn(detail::pool, store, options));
  };
  return spec;
}

}  // namespace auraos::actors::tasks
