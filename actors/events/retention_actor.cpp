// The retention actor: periodic passes over the retention rules and manual cleanups, both as
// chains of batched deletes through the store actor.
#include "actors/events/retention_actor.hpp"

#include <functional>
#include <utility>
#include <vector>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/env.hpp"
#include "actors/events/retention_plan.hpp"
#include "actors/registration.hpp"

namespace auraos::actors::events {
namespace {

namespace p = persistence;

/// How long one store request may take.
constexpr std::chrono::seconds store_timeout{60};

struct retention_state {
  retention_state() = default;
  store::store_actor store;
  retention_options options;
};

using retention_actor = caf::stateful_actor<retention_state>;

/// Called once a chain of deletes ends: the total deleted, or the error that stopped it; and
/// whether it deleted everything it was to delete.
using deleted_fn = std::function<void(p::store_result<std::int64_t>, bool complete)>;

p::store_error request_error(retention_actor* self, const caf::error& error) {
  return {p::store_errc::unavailable, "the store did not answer: " + self->system().render(error)};
}

/// Repeats `op` (one batch per write request) until a batch deletes fewer than its limit or
/// `deadline` passed; then calls `done` with the total (`so_far` included).
void delete_batches(retention_actor* self, p::delete_events_op op, std::int64_t so_far,
                    std::chrono::steady_clock::time_point deadline, deleted_fn done) {
  p::write_request write{{op}};
  self->request(self->state.store, store_timeout, std::move(write))
      .then(
          [self, op, so_far, deadline, done](p::write_outcome& outcome) {
            if (!outcome) return done(auraos::fail(std::move(outcome).error()), false);
            auto count = std::get<p::deleted_events>(outcome->front()).count;
            auto total = so_far + count;
            if (count < op.limit) return done(total, true);
            if (self->state.options.env->steady_now() >= deadline) return done(total, false);
            delete_batches(self, op, total, deadline, done);
          },
          [self, done](caf::error& error) { done(auraos::fail(request_error(self, error)), false); });
}

/// Deletes the events of `task.type` beyond its newest `task.keep`.
void delete_beyond_count(retention_actor* self, const retention_task& task, deleted_fn done) {
  self->request(self->state.store, store_timeout, store::event_count_cutoff_query{task.type, *task.keep})
      .then(
          [self, task, done](p::store_result<std::int64_t>& cutoff) {
            if (!cutoff) return done(auraos::fail(std::move(cutoff).error()), false);
            if (*cutoff == 0) return done(std::int64_t{0}, true);
            p::delete_events_op op{p::no_age_bound_ms, task.type, self->state.options.batch,
                                   *cutoff};
            delete_batches(self, op, 0, std::chrono::steady_clock::time_point::max(), done);
          },
          [self, done](caf::error& error) { done(auraos::fail(request_error(self, error)), false); });
}

void schedule_pass(retention_actor* self) {
  self->state.options.env->send_after(self, self->state.options.interval,
                                      retention_tick_atom::value);
}

/// Logs a failed delete of a pass (the next pass tries again).
void log_failure(const std::string& type, const p::store_result<std::int64_t>& deleted) {
  if (!deleted)
    spdlog::warn("event retention: deleting events of type '{}' failed: {}", type,
                 deleted.error().message);
}

/// Runs tasks[index...] one after the other, then schedules the next pass.
void run_tasks(retention_actor* self, std::shared_ptr<std::vector<retention_task>> tasks,
               std::size_t index) {
  if (index >= tasks->size()) return schedule_pass(self);
  const auto& task = (*tasks)[index];
  auto next = [self, tasks, index](p::store_result<std::int64_t> deleted, bool) {
    log_failure((*tasks)[index].type, deleted);
    run_tasks(self, tasks, index + 1);
  };
  auto by_count = [self, tasks, index, next](p::store_result<std::int64_t> deleted, bool) {
    log_failure((*tasks)[index].type, deleted);
    if (!(*tasks)[index].keep) return run_tasks(self, tasks, index + 1);
    delete_beyond_count(self, (*tasks)[index], next);
  };
  if (!task.older_than_ms) return by_count(std::int64_t{0}, true);
  p::delete_events_op op{*task.older_than_ms, task.type, self->state.options.batch, std::nullopt};
  delete_batches(self, op, 0, std::chrono::steady_clock::time_point::max(), by_count);
}

/// One pass: reads the rules and the stored types, then deletes type by type.
void run_pass(retention_actor* self) {
  auto on_error = [self](caf::error& error) {
    spdlog::warn("event retention: {}", request_error(self, error).message);
    schedule_pass(self);
  };
  self->request(self->state.store, store_timeout, store::event_retention_rules_query{})
      .then(
          [self, on_error](p::store_result<std::vector<p::event_retention_rule>>& rules) {
            if (!rules || rules->empty()) {
              if (!rules) spdlog::warn("event retention: {}", rules.error().message);
              return schedule_pass(self);
            }
            self->request(self->state.store, store_timeout, store::event_types_query{})
                .then(
                    [self, rules = std::move(*rules)](
                        p::store_result<std::vector<std::string>>& types) {
                      if (!types) {
                        spdlog::warn("event retention: {}", types.error().message);
                        return schedule_pass(self);
                      }
                      auto tasks = std::make_shared<std::vector<retention_task>>(
                          retention_tasks(rules, *types, self->state.options.env->now_ms()));
                      run_tasks(self, tasks, 0);
                    },
                    on_error);
          },
          on_error);
}

caf::behavior retention(retention_actor* self, store::store_actor store,
                        retention_options options) {
  options.env = env_or_real(options.env);
  self->state.store = std::move(store);
  self->state.options = std::move(options);
  register_while_alive(self, retention_registry_name);
  schedule_pass(self);
  return {
      [self](retention_tick_atom) { run_pass(self); },
      [self](cleanup_atom, std::int64_t older_than_ms, const std::string& type) {
        auto promise = self->make_response_promise();
        std::optional<std::string> only;
        if (!type.empty()) only = type;
        p::delete_events_op op{older_than_ms, only, self->state.options.batch, std::nullopt};
        auto deadline = self->state.options.env->steady_now() + self->state.options.cleanup_budget;
        delete_batches(self, op, 0, deadline,
                       [promise](p::store_result<std::int64_t> deleted, bool complete) mutable {
                         if (deleted)
                           promise.deliver(cleanup_reply(cleanup_result{*deleted, complete}));
                         else
                           promise.deliver(cleanup_reply(auraos::fail(deleted.error())));
                       });
        return promise;
      },
  };
}

}  // namespace

supervision::child_spec retention_child(store::store_actor store, retention_options options) {
  supervision::child_spec spec;
  spec.name = "event-retention";
  spec.kind = "service";
  spec.start = [store, options](caf::local_actor* parent) {
    return caf::actor_cast<caf::actor>(parent->spawn(retention, store, options));
  };
  return spec;
}

}  // namespace auraos::actors::events
