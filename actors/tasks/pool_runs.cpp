// Starting, cancelling and retrying runs, and what follows the end of an attempt.

#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/tasks/pool_state.hpp"
#include "actors/tasks/scheduler.hpp"
#include "persistence/shards.hpp"
#include "runtime/tasks/concurrency_key.hpp"
#include "runtime/tasks/attempt_outcome.hpp"
#include "runtime/tasks/dependency_check.hpp"
#include "runtime/uuid.hpp"

namespace auraos::actors::tasks::detail {
namespace {

namespace p = persistence;

auraos::failure<task_failure> refusal(errc code, std::string message) {
  return refused(code, std::move(message));
}

/// The rendered concurrency key of a run ("" without one), or why it cannot be rendered.
result<std::string, task_failure> key_of(const task_spec& spec, const std::string& input) {
  if (!spec.definition->concurrency) return std::string{};
  auto key = runtime::tasks::render_concurrency_key(
      *spec.definition->concurrency, nlohmann::json::parse(input, nullptr, false));
  if (!key)
    return refusal(errc::invalid_input, "task " + spec.id + ": concurrency.key: " +
                                            key.error().message + " (for this input)");
  return key->value_or(std::string{});
}

/// A new queued run of `request`'s task.
p::task_run_record new_run(const task_spec& spec, const run_request& request) {
  p::task_run_record run;
  run.id = runtime::random_uuid();
  run.task_id = spec.id;
  run.input = request.input;
  run.priority = spec.priority;
  run.queue = spec.queue;
  run.shard = p::shard_of("queue:" + spec.queue);
  run.idempotency_key = request.idempotency_key;
  run.execution_id = request.execution_id;
  run.node_id = request.node_id;
  run.schedule_time = request.schedule_time;
  run.retry_of = request.retry_of;
  return run;
}

/// Sets each run's dependencies on the batch's runs of the tasks its task depends on.
void link_batch(std::vector<p::task_run_record>& runs, const std::vector<task_spec_ptr>& specs) {
  for (std::size_t i = 0; i < runs.size(); ++i) {
    auto deps = nlohmann::json::array();
    for (const auto& dep : specs[i]->dependencies)
      for (std::size_t j = 0; j < runs.size(); ++j)
        if (j != i && runs[j].task_id == dep.task_id)
          deps.push_back({{"runId", runs[j].id}, {"condition", dep.condition}});
    runs[i].depends_on = deps.dump();
  }
}

/// The dependencies of a run as stored.
std::vector<runtime::tasks::run_dependency> dependencies_of(const p::task_run_record& run) {
  std::vector<runtime::tasks::run_dependency> out;
  auto deps = nlohmann::json::parse(run.depends_on, nullptr, false);
  if (!deps.is_array()) return out;
  for (const auto& d : deps)
    if (d.is_object() && d.value("runId", "") != "")
      out.push_back({d.value("runId", ""), d.value("condition", "success")});
  return out;
}

/// Where the dependencies of `id` leave it now.
runtime::tasks::dependency_result dependency_state(pool_state& s, const p::task_run_record& run) {
  std::vector<runtime::tasks::dependency_status> statuses;
  for (auto& dep : dependencies_of(run)) {
    std::optional<std::string> status;
    if (auto live = s.runs.find(dep.run_id); live != s.runs.end())
      status = live->second.run.status;
    else if (auto ended = s.ended.find(dep.run_id); ended != s.ended.end())
      status = ended->second;
    statuses.push_back({std::move(dep), std::move(status)});
  }
  return runtime::tasks::check_dependencies(statuses);
}

/// Re-examines the runs depending on `id`, which just ended.
void wake_dependents(pool_actor* self, const std::string& id) {
  auto& s = self->state;
  auto it = s.dependents.find(id);
  if (it == s.dependents.end()) return;
  std::vector<std::string> blocked;
  std::string reason;
  for (const auto& dependent : it->second) {
    auto live = s.runs.find(dependent);
    if (live == s.runs.end() || live->second.place != run_place::dependent) continue;
    auto verdict = dependency_state(s, live->second.run);
    if (verdict.verdict == runtime::tasks::dependency_verdict::ready) {
      live->second.waiting_since = s.options.env->now_ms();
      set_place(s, live->second, run_place::waiting);
    } else if (verdict.verdict == runtime::tasks::dependency_verdict::blocked) {
      blocked.push_back(dependent);
      reason = verdict.reason;
    }
  }
  s.dependents.erase(it);
  if (!blocked.empty()) end_unstarted(self, blocked, "cancelled", "dependency_failed", reason);
  request_admission(self);
}

/// Tells whoever started a run that it ended: its schedule, its workflow execution.
void tell_ended(pool_actor* self, const p::task_run_record& run) {
  if (run.schedule_time)
    if (auto scheduler = self->system().registry().get(scheduler_registry_name))
      self->send(caf::actor_cast<caf::actor>(scheduler), schedule_run_ended_atom::value,
                 run.task_id, run.id);
}

/// Forgets an ended run, keeping its status while others depend on it.
void forget(pool_actor* self, const p::task_run_record& run) {
  auto& s = self->state;
  tell_ended(self, run);
  if (s.dependents.count(run.id)) s.ended[run.id] = run.status;
  drop_run(s, run.id);
  wake_dependents(self, run.id);
}

}  // namespace

void place_run(pool_actor* self, p::task_run_record run) {
  auto& s = self->state;
  auto spec = s.specs.find(run.task_id);
  if (spec == s.specs.end()) return;
  auto key = key_of(*spec->second, run.input);
  live_run live;
  live.spec = spec->second;
  live.key = key ? *key : std::string{};
  live.seq = s.next_seq++;
  live.waiting_since = s.options.env->now_ms();
  for (const auto& dep : dependencies_of(run)) s.dependents[dep.run_id].insert(run.id);
  auto place = run_place::waiting;
  if (run.status == "retrying" && run.next_attempt_at &&
      *run.next_attempt_at > s.options.env->now_ms()) {
    place = run_place::delayed;
    s.options.env->send_at(self, *run.next_attempt_at, retry_due_atom::value, run.id);
  } else if (dependency_state(s, run).verdict != runtime::tasks::dependency_verdict::ready) {
    place = run_place::dependent;
  }
  auto id = run.id;
  live.run = std::move(run);
  drop_run(s, id);
  auto& placed = s.runs.emplace(id, std::move(live)).first->second;
  set_place(s, placed, place);
}

void end_unstarted(pool_actor* self, std::vector<std::string> ids, const std::string& status,
                   const std::string& error_type, const std::string& message,
                   std::function<void(const p::write_outcome&,
                                      const std::vector<p::task_run_record>&)>
                       stored) {
  auto& s = self->state;
  p::write_request write;
  write.wait_for_database = true;
  std::vector<p::task_run_record> ended;
  for (const auto& id : ids) {
    auto it = s.runs.find(id);
    if (it == s.runs.end()) continue;
    auto run = it->second.run;
    run.status = status;
    run.completed_at = s.options.env->now_ms();
    run.next_attempt_at.reset();
    run.error = nlohmann::json({{"type", error_type}, {"message", message}}).dump();
    // Out of the queue at once: no admission may pick it while the end is being stored.
    set_place(s, it->second, run_place::starting);
    write.ops.emplace_back(p::update_task_run_op{run});
    ended.push_back(std::move(run));
  }
  if (ended.empty()) {
    if (stored) stored(p::write_outcome{std::vector<p::op_result>{}}, ended);
    return;
  }
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, ended, stored](p::write_outcome& outcome) {
        for (const auto& run : ended) {
          auto it = self->state.runs.find(run.id);
          if (it == self->state.runs.end()) continue;
          it->second.run = run;
          forget(self, run);
        }
        if (stored) stored(outcome, ended);
      });
}

void start_runs(pool_actor* self, std::vector<run_request> requests, bool batch,
                std::function<void(started_reply)> done) {
  auto& s = self->state;
  std::vector<p::task_run_record> runs;
  std::vector<task_spec_ptr> specs;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto spec = s.specs.find(requests[i].task_id);
    auto where = batch ? "runs[" + std::to_string(i) + "].taskId: " : std::string{};
    if (spec == s.specs.end()) {
      auto code = batch ? errc::invalid_input : errc::not_found;
      return done(refusal(code, where + "no task has the id " + requests[i].task_id));
    }
    if (auto key = key_of(*spec->second, requests[i].input); !key)
      return done(fail(std::move(key).error()));
    runs.push_back(new_run(*spec->second, requests[i]));
    specs.push_back(spec->second);
  }
  if (batch) {
    auto batch_id = runtime::random_uuid();
    for (auto& run : runs) run.batch_id = batch_id;
    link_batch(runs, specs);
  }
  p::write_request write;
  write.ops.emplace_back(p::create_task_runs_op{std::move(runs)});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, done](p::write_outcome& outcome) {
        if (!outcome)
          return done(refusal(outcome.error().code == p::store_errc::unavailable
                                  ? errc::unavailable
                                  : errc::internal,
                              outcome.error().message));
        auto& created = std::get<p::created_task_runs>(outcome->front());
        for (std::size_t i = 0; i < created.runs.size(); ++i)
          if (!created.existing[i] && !self->state.runs.count(created.runs[i].id))
            place_run(self, created.runs[i]);
        request_admission(self);
        done(std::move(created));
      });
}

void control_run(pool_actor* self, const run_control& control, caf::response_promise promise) {
  auto& s = self->state;
  auto it = s.runs.find(control.run_id);
  if (!control.retry && it != s.runs.end()) {
    auto& live = it->second;
    if (live.place == run_place::running && live.actor) {
      self->send(live.actor, run_cancel_atom::value);
      return promise.deliver(run_reply{live.run});
    }
    if (live.place == run_place::starting) {
      live.cancel_requested = true;
      return promise.deliver(run_reply{live.run});
    }
    // Answered once stored, with the stored record (its end time and error filled in).
    return end_unstarted(
        self, {control.run_id}, "cancelled", "cancelled", "the run was cancelled",
        [promise](const p::write_outcome& outcome,
                  const std::vector<p::task_run_record>& ended) mutable {
          if (!outcome)
            return promise.deliver(run_reply{refusal(errc::unavailable, outcome.error().message)});
          if (ended.empty())
            return promise.deliver(run_reply{refusal(errc::conflict, "the run ended meanwhile")});
          promise.deliver(run_reply{ended.front()});
        });
  }
  if (!control.retry || it != s.runs.end()) {
    if (it != s.runs.end())
      return promise.deliver(run_reply{refusal(
          errc::conflict, "run " + control.run_id + " is " + it->second.run.status +
                              ": only a run that ended can be retried")});
  }
  auto id = control.run_id;
  auto found = std::make_shared<p::store_result<p::task_run_record>>(
      fail(p::store_error{p::store_errc::not_found, ""}));
  store::task_read read{[found, id](p::task_store& db) {
    *found = db.get_task_run(id);
    return found->has_value() || found->error().code == p::store_errc::not_found
               ? p::store_status{}
               : p::store_status{fail(found->error())};
  }};
  self->request(s.store, caf::infinite, std::move(read))
      .then([self, found, control, promise](p::store_status&) mutable {
        if (!*found) {
          auto code = found->error().code == p::store_errc::not_found ? errc::not_found
                                                                      : errc::unavailable;
          return promise.deliver(run_reply{refusal(
              code, code == errc::not_found ? "no task run has the id " + control.run_id
                                            : found->error().message)});
        }
        if (!control.retry)
          return promise.deliver(run_reply{refusal(
              errc::conflict, "run " + control.run_id + " already ended " + (*found)->status)});
        run_request again;
        again.task_id = (*found)->task_id;
        again.input = (*found)->input;
        again.retry_of = control.run_id;
        start_runs(self, {std::move(again)}, false, [promise](started_reply started) mutable {
          if (!started) return promise.deliver(run_reply{fail(std::move(started).error())});
          promise.deliver(run_reply{std::move(started->runs.front())});
        });
      });
}

void on_run_ended(pool_actor* self, p::task_run_record run) {
  auto& s = self->state;
  auto it = s.runs.find(run.id);
  if (it == s.runs.end()) return;
  auto& live = it->second;
  if (live.actor) {
    self->demonitor(live.actor);
    s.monitored.erase(live.actor.address());
    live.actor = nullptr;
  }
  live.allocation_amounts.clear();
  live.run = run;
  if (run.status == "retrying") {
    set_place(s, live, run_place::delayed);
    s.options.env->send_at(self, run.next_attempt_at.value_or(0), retry_due_atom::value, run.id);
  } else {
    forget(self, run);
  }
  request_admission(self);
}

void on_run_down(pool_actor* self, const caf::down_msg& down) {
  auto& s = self->state;
  auto id = s.monitored.find(down.source);
  if (id == s.monitored.end()) return;
  auto run_id = id->second;
  s.monitored.erase(id);
  auto it = s.runs.find(run_id);
  if (it == s.runs.end() || it->second.place != run_place::running) return;
  auto& live = it->second;
  live.actor = nullptr;
  // The run actor crashed before storing its end: the attempt failed; retried per policy.
  auto run = live.run;
  runtime::tasks::attempt_end end{false, "internal", true, static_cast<int>(run.attempts)};
  auto outcome = runtime::tasks::after_attempt(live.spec->retry, end, s.options.env->now_ms(),
                                               s.options.env->random());
  run.status = outcome.status;
  run.next_attempt_at = outcome.next_attempt_at;
  run.error = nlohmann::json({{"type", "internal"},
                              {"message", "the run's actor stopped: " + to_string(down.reason)}})
                  .dump();
  if (runtime::tasks::is_final_status(run.status)) run.completed_at = s.options.env->now_ms();
  p::write_request write;
  write.wait_for_database = true;
  write.ops.emplace_back(p::update_task_run_op{run});
  self->request(s.store, caf::infinite, std::move(write))
      .then([self, run](p::write_outcome&) { on_run_ended(self, run); });
}

}  // namespace auraos::actors::tasks::detail
