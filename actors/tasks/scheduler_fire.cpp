// A schedule's wake-ups: what starts, what is skipped, what is stored, when to wake again.

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/tasks/scheduler_state.hpp"
#include "actors/tasks/tasks_service.hpp"
#include "runtime/schedule/fire_times.hpp"
#include "runtime/tasks/attempt_outcome.hpp"

namespace auraos::actors::tasks::detail {
namespace {

namespace p = persistence;
namespace rs = runtime::schedule;

caf::actor pool_of(scheduler_actor* self) {
  return caf::actor_cast<caf::actor>(self->system().registry().get(tasks_registry_name));
}

/// Stores the schedule's state (fenced writes are the pool's; this one is the scheduler's own).
void save(scheduler_actor* self, const live_schedule& schedule) {
  p::write_request write;
  write.wait_for_database = true;
  write.ops.emplace_back(p::put_schedule_state_op{schedule.record.task_id, state_json(schedule)});
  caf::anon_send(self->state.store, std::move(write));
}

/// Starts the run of fire time `at` (idempotent by its key), noting it as the current run.
void start_fire(scheduler_actor* self, const std::string& task_id, std::int64_t at) {
  auto& schedule = self->state.schedules.at(task_id);
  run_request request;
  request.task_id = task_id;
  request.input = schedule.spec.input ? schedule.spec.input->dump() : "null";
  request.idempotency_key = "schedule:" + std::to_string(at);
  request.schedule_time = at;
  schedule.fires.running = true;
  schedule.last_fire = at;
  auto pool = pool_of(self);
  schedule.pending_starts += 1;
  // The state (the last fire time handled) is stored only once every run it started is: a
  // crash in between decides those fire times again, and their keys answer the stored runs.
  auto settle = [self, task_id] {
    auto it = self->state.schedules.find(task_id);
    if (it == self->state.schedules.end()) return;
    if (--it->second.pending_starts == 0) save(self, it->second);
  };
  if (!pool) {
    spdlog::error("schedule of task {}: the tasks service is not running; fire time {} is lost",
                  task_id, at);
    return settle();
  }
  self->request(pool, caf::infinite, std::move(request))
      .then([self, task_id, at, settle](started_reply& reply) {
        auto it = self->state.schedules.find(task_id);
        if (it == self->state.schedules.end()) return;
        if (!reply) {
          spdlog::warn("schedule of task {}: the run of fire time {} did not start: {}", task_id,
                       at, reply.error().message);
          it->second.fires.running = false;
          return settle();
        }
        const auto& run = reply->runs.front();
        if (runtime::tasks::is_final_status(run.status)) {
          it->second.fires.running = false;
          it->second.current_run.reset();
        } else {
          it->second.current_run = run.id;
        }
        settle();
      });
}

}  // namespace

std::string state_json(const live_schedule& s) {
  auto skips = nlohmann::json::array();
  for (const auto& skip : s.skips)
    skips.push_back({{"at", skip.at_ms}, {"reason", rs::to_string(skip.reason)}});
  nlohmann::json out = {{"anchor", s.fires.anchor_ms},
                        {"lastHandled", s.fires.last_handled_ms},
                        {"skipped", skips},
                        {"skippedCount", s.skipped_count}};
  if (s.current_run) out["currentRun"] = *s.current_run;
  if (s.buffered_at) out["buffered"] = *s.buffered_at;
  if (s.last_fire) out["lastFire"] = *s.last_fire;
  return out.dump();
}

bool restore(live_schedule& s, const p::task_schedule_record& record) {
  auto spec = rs::parse_schedule_text(record.spec);
  if (!spec) return false;
  s.spec = std::move(*spec);
  s.record = record;
  auto state = nlohmann::json::parse(record.state, nullptr, false);
  if (!state.is_object()) state = nlohmann::json::object();
  s.fires.anchor_ms = state.value("anchor", record.created_at);
  s.fires.last_handled_ms = state.value("lastHandled", record.created_at);
  if (state.contains("currentRun") && state["currentRun"].is_string()) {
    s.current_run = state["currentRun"].get<std::string>();
    s.fires.running = true;
  }
  if (state.contains("buffered") && state["buffered"].is_number_integer()) {
    s.buffered_at = state["buffered"].get<std::int64_t>();
    s.fires.buffered = true;
  }
  if (state.contains("lastFire") && state["lastFire"].is_number_integer())
    s.last_fire = state["lastFire"].get<std::int64_t>();
  s.skipped_count = state.value("skippedCount", std::uint64_t{0});
  if (state.contains("skipped") && state["skipped"].is_array())
    for (const auto& skip : state["skipped"]) {
      if (!skip.is_object() || !skip.contains("at") || !skip["at"].is_number_integer()) continue;
      auto reason = skip.value("reason", "overlap");
      auto why = reason == "outside_catchup_window" ? rs::skip_reason::outside_catchup_window
                 : reason == "paused"               ? rs::skip_reason::paused
                 : reason == "catchup_limit"        ? rs::skip_reason::catchup_limit
                                                    : rs::skip_reason::overlap;
      s.skips.push_back({skip["at"].get<std::int64_t>(), why});
    }
  return true;
}

void arm(scheduler_actor* self, live_schedule& schedule) {
  schedule.token = self->state.next_token++;
  auto next = rs::next_fire_time(schedule.spec, schedule.fires.anchor_ms,
                                 schedule.fires.last_handled_ms);
  if (!next || schedule.spec.paused) return;
  self->state.env->send_at(self, *next, schedule_wake_atom::value, schedule.record.task_id,
                           schedule.token);
}

void wake(scheduler_actor* self, const std::string& task_id) {
  auto it = self->state.schedules.find(task_id);
  if (it == self->state.schedules.end()) return;
  auto& schedule = it->second;
  auto decision = rs::decide_fires(schedule.spec, schedule.fires, self->state.env->now_ms());
  schedule.fires.last_handled_ms = decision.last_handled_ms;
  for (const auto& skip : decision.skipped) {
    schedule.skips.push_back(skip);
    if (schedule.skips.size() > kept_skips) schedule.skips.pop_front();
  }
  schedule.skipped_count += decision.skipped_count;
  if (decision.skipped_count > 0)
    spdlog::info("schedule of task {}: {} fire time(s) skipped (last: {})", task_id,
                 decision.skipped_count,
                 decision.skipped.empty() ? "?" : rs::to_string(decision.skipped.back().reason));
  if (decision.cancel_running && schedule.current_run)
    if (auto pool = pool_of(self)) caf::anon_send(pool, run_control{*schedule.current_run, false});
  if (decision.buffer) {
    schedule.buffered_at = decision.buffer;
    schedule.fires.buffered = true;
  }
  for (auto at : decision.start) start_fire(self, task_id, at);
  if (schedule.pending_starts == 0) save(self, schedule);
  arm(self, schedule);
}

void run_ended(scheduler_actor* self, const std::string& task_id, const std::string& run_id) {
  auto it = self->state.schedules.find(task_id);
  if (it == self->state.schedules.end()) return;
  auto& schedule = it->second;
  if (schedule.current_run && *schedule.current_run != run_id) return;
  schedule.current_run.reset();
  schedule.fires.running = false;
  if (schedule.buffered_at) {
    auto at = *schedule.buffered_at;
    schedule.buffered_at.reset();
    schedule.fires.buffered = false;
    start_fire(self, task_id, at);
  }
  if (schedule.pending_starts == 0) save(self, schedule);
}

schedule_info info_of(scheduler_actor* self, const live_schedule& schedule) {
  schedule_info info;
  info.record = schedule.record;
  info.record.state = state_json(schedule);
  if (!schedule.spec.paused)
    info.next_fire_times = rs::next_fire_times(
        schedule.spec, schedule.fires.anchor_ms,
        std::max(schedule.fires.last_handled_ms, self->state.env->now_ms()), 5);
  return info;
}

}  // namespace auraos::actors::tasks::detail
