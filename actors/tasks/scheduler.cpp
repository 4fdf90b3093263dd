// The scheduler actor: loading the stored schedules, their REST requests, wake-ups.

#include <spdlog/spdlog.h>

#include <algorithm>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/registration.hpp"
#include "actors/tasks/scheduler_state.hpp"
#include "runtime/tasks/attempt_outcome.hpp"

namespace auraos::actors::tasks {
namespace detail {
namespace {

namespace p = persistence;

auraos::failure<task_failure> store_refusal(const p::store_error& error) {
  auto code = error.code == p::store_errc::not_found     ? errc::not_found
              : error.code == p::store_errc::unavailable ? errc::unavailable
                                                          : errc::internal;
  return refused(code, error.message);
}

/// What a load read: the schedules and the statuses of the runs they were waiting for.
struct loaded_schedules {
  std::vector<p::task_schedule_record> schedules;
  std::map<std::string, std::string> run_status;
};

void load(scheduler_actor* self) {
  auto out = std::make_shared<loaded_schedules>();
  store::task_read read{[out](p::task_store& db) -> p::store_status {
    auto all = db.task_schedules();
    if (!all) return fail(all.error());
    out->schedules = std::move(*all);
    for (const auto& record : out->schedules) {
      live_schedule probe;
      if (!restore(probe, record) || !probe.current_run) continue;
      auto run = db.get_task_run(*probe.current_run);
      out->run_status[*probe.current_run] = run ? run->status : "cancelled";
    }
    return {};
  }};
  self->request(self->state.store, caf::infinite, std::move(read))
      .then([self, out](p::store_status& status) {
        if (!status) {
          spdlog::warn("tasks: cannot load the schedules yet: {}; retrying",
                       status.error().message);
          return self->delayed_send(self, std::chrono::milliseconds(500),
                                    schedules_reload_atom::value);
        }
        for (const auto& record : out->schedules) {
          live_schedule schedule;
          if (!restore(schedule, record)) {
            spdlog::error("tasks: the stored schedule of task {} cannot be read", record.task_id);
            continue;
          }
          if (schedule.current_run &&
              runtime::tasks::is_final_status(out->run_status[*schedule.current_run])) {
            schedule.current_run.reset();
            schedule.fires.running = false;
          }
          self->state.schedules[record.task_id] = std::move(schedule);
        }
        self->send(self, schedules_loaded_atom::value);
      });
}

void put(scheduler_actor* self, schedule_put put, caf::response_promise promise) {
  auto& s = self->state;
  // What passed under the old spec is handled (and recorded) before the new one applies.
  if (s.schedules.count(put.task_id)) wake(self, put.task_id);
  p::task_schedule_record record;
  record.task_id = put.task_id;
  record.spec = put.spec;
  auto now = s.env->now_ms();
  live_schedule fresh;
  if (auto old = s.schedules.find(put.task_id); old != s.schedules.end()) fresh = old->second;
  fresh.fires.last_handled_ms = std::max(fresh.fires.last_handled_ms, now);
  if (!s.schedules.count(put.task_id)) fresh.fires.anchor_ms = now;
  record.state = state_json(fresh);
  p::write_request write;
  write.ops.emplace_back(p::put_task_schedule_op{record});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, promise, fresh](p::write_outcome& outcome) mutable {
        if (!outcome) return promise.deliver(schedule_reply{store_refusal(outcome.error())});
        auto stored = std::get<p::task_schedule_record>(outcome->front());
        auto schedule = fresh;
        if (!restore(schedule, stored))
          return promise.deliver(schedule_reply{refused(errc::internal, "stored schedule unreadable")});
        schedule.fires = fresh.fires;
        schedule.current_run = fresh.current_run;
        schedule.buffered_at = fresh.buffered_at;
        auto& live = self->state.schedules[stored.task_id] = std::move(schedule);
        arm(self, live);
        promise.deliver(schedule_reply{info_of(self, live)});
      });
}

void call(scheduler_actor* self, const schedule_call& call, caf::response_promise promise) {
  auto& s = self->state;
  auto it = s.schedules.find(call.task_id);
  if (it == s.schedules.end())
    return promise.deliver(schedule_reply{
        refused(errc::not_found, "task " + call.task_id + " has no schedule")});
  if (!call.remove) return promise.deliver(schedule_reply{info_of(self, it->second)});
  auto info = info_of(self, it->second);
  p::write_request write;
  write.ops.emplace_back(p::delete_task_schedule_op{call.task_id});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, promise, info, id = call.task_id](p::write_outcome& outcome) mutable {
        if (!outcome && outcome.error().code != p::store_errc::not_found)
          return promise.deliver(schedule_reply{store_refusal(outcome.error())});
        self->state.schedules.erase(id);
        promise.deliver(schedule_reply{std::move(info)});
      });
}

caf::behavior running(scheduler_actor* self) {
  return {
      [self](schedule_put& put) {
        auto promise = self->make_response_promise();
        detail::put(self, std::move(put), promise);
        return promise;
      },
      [self](const schedule_call& c) {
        auto promise = self->make_response_promise();
        call(self, c, promise);
        return promise;
      },
      [self](schedule_wake_atom, const std::string& task_id, std::int64_t token) {
        auto it = self->state.schedules.find(task_id);
        if (it != self->state.schedules.end() && it->second.token == token) wake(self, task_id);
      },
      [self](schedule_run_ended_atom, const std::string& task_id, const std::string& run_id) {
        run_ended(self, task_id, run_id);
      },
      [self](executions::event_shards_atom, const std::vector<std::int64_t>& held, std::int64_t) {
        // Lost the coordinator's shard: stop; restarted, it waits for the shard again. A single
        // node's scheduler always runs (its executions service may still report shards).
        if (self->state.clustered &&
            std::count(held.begin(), held.end(), executions::event_coordinator_shard) == 0)
          self->quit(caf::exit_reason::user_shutdown);
      },
      [self](const std::string& deleted_task) {
        // The pool deleted a task: its schedule went with it.
        self->state.schedules.erase(deleted_task);
      },
  };
}

caf::behavior scheduler(scheduler_actor* self, store::store_actor store,
                        std::shared_ptr<actors::env> env, bool clustered) {
  self->state.store = std::move(store);
  self->state.env = env_or_real(std::move(env));
  self->state.clustered = clustered;
  register_while_alive(self, scheduler_registry_name);
  if (!clustered) load(self);
  self->set_default_handler(caf::skip);
  return {
      [self](schedules_reload_atom) { load(self); },
      [self](executions::event_shards_atom, const std::vector<std::int64_t>& held, std::int64_t) {
        bool coordinator = std::count(held.begin(), held.end(),
                                      executions::event_coordinator_shard) > 0;
        if (coordinator && self->state.clustered && !self->state.loading) {
          self->state.loading = true;
          load(self);
        }
      },
      [self](schedules_loaded_atom) {
        self->set_default_handler(caf::print_and_drop);
        self->become(running(self));
        std::vector<std::string> ids;
        for (const auto& [id, schedule] : self->state.schedules) ids.push_back(id);
        // Catch-up: whatever came due while the node was down is decided now.
        for (const auto& id : ids) wake(self, id);
      },
  };
}

}  // namespace
}  // namespace detail

supervision::child_spec scheduler_child(store::store_actor store, std::shared_ptr<actors::env> env,
                                        bool clustered) {
  supervision::child_spec spec;
  spec.name = "task-scheduler";
  spec.kind = "service";
  spec.start = [store, env, clustered](caf::local_actor* parent) {
    return caf::actor_cast<caf::actor>(parent->spawn(detail::scheduler, store, env, clustered));
  };
  return spec;
}

}  // namespace auraos::actors::tasks
