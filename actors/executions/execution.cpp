// The execution actor's behaviour: queue events, decide one at a time, store, then act.
#include "actors/executions/execution.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "actors/executions/execution_records.hpp"
#include "actors/executions/execution_state.hpp"
#include "actors/executions/execution_view.hpp"
#include "actors/executions/task_attempts.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::actors::executions {

namespace p = persistence;

namespace detail {

namespace {

/// The failure an engine refusal answers.
execution_failure refusal_failure(const runtime::engine::engine_error& error) {
  auto code =
      error.code == runtime::engine::refusal::conflict ? errc::conflict : errc::invalid_input;
  return {code, error.message, {}};
}

/// Answers a queued request with a refusal (if it has a promise).
void refuse(queued_event& item, execution_failure failure) {
  if (item.promise) item.promise->deliver(execution_reply(fail(std::move(failure))));
}

/// Answers a queued request with the current view; built only when someone waits for it.
void answer_view(queued_event& item, const execution_actor_state& state) {
  if (item.promise) item.promise->deliver(execution_reply(current_view(state)));
}

/// Counts started attempts and scheduled retries for the service's metrics.
void report_counts(execution_actor* self, const std::vector<v1::HistoryEvent>& records) {
  int attempts = 0;
  int retries = 0;
  for (const auto& r : records) {
    attempts += r.has_attempt_started() ? 1 : 0;
    retries += r.has_retry_scheduled() ? 1 : 0;
  }
  if (attempts + retries > 0)
    self->send(self->state.args.service, count_atom::value, attempts, retries);
}

/// Takes a stored decision's records into the state and the row.
void take_records(execution_actor* self, runtime::engine::execution_state after,
                  const std::vector<v1::HistoryEvent>& records) {
  auto& s = self->state;
  auto now = records.empty() ? now_ms(self->state) : records.back().at_ms();
  if (s.st.status == runtime::engine::execution_status::pending && !s.row.started_at)
    s.row.started_at = now;
  s.st = std::move(after);
  s.row.status = to_row_status(s.st.status);
  if (runtime::engine::is_finished(s.st.status) && !s.row.completed_at) s.row.completed_at = now;
  if (s.args.options.on_record)
    for (const auto& r : records) s.args.options.on_record(weight_of(r), log_line(s.args.id, r));
  report_counts(self, records);
}

/// Another node may hold the shard now: stops at once, without writing or retrying (the running
/// attempts are killed; their results would not be stored) and without a supervisor restart.
/// Requests waiting here are answered `refusal`.
void stop_without_writing(execution_actor* self, const execution_failure& refusal) {
  auto& s = self->state;
  if (auto waiting = std::exchange(s.writing_for, std::nullopt))
    waiting->deliver(execution_reply(fail(refusal)));
  for (auto& item : s.queue) refuse(item, refusal);
  s.queue.clear();
  s.stopping = true;
  for (auto& [node, run] : s.running)
    if (!run.child) run.cancel();
  s.running.clear();
  self->quit(caf::exit_reason::user_shutdown);
}

void stop_fenced(execution_actor* self, const p::store_error& error, queued_event& in_flight) {
  auto& s = self->state;
  spdlog::warn("execution {} stops: {}", s.args.id, error.message);
  execution_failure refusal{
      errc::unavailable, "execution " + s.args.id + " is fenced: " + error.message, {}};
  s.writing_for.reset();
  refuse(in_flight, refusal);
  self->send(s.args.service, fenced_atom::value);
  stop_without_writing(self, refusal);
}

/// Writes a decision; acts on it only once the store acknowledged it.
void store_decision(execution_actor* self, runtime::engine::decision decision, queued_event item) {
  auto& s = self->state;
  auto after = s.st;
  for (const auto& r : decision.records) runtime::engine::apply(after, r);
  s.records_since_snapshot += static_cast<std::int64_t>(decision.records.size());
  bool snapshot = s.records_since_snapshot >= s.args.options.snapshot_every;
  if (snapshot) s.records_since_snapshot = 0;
  s.writing = true;
  s.writing_for = item.promise;
  auto shared = std::make_shared<std::pair<runtime::engine::decision, queued_event>>(
      std::move(decision), std::move(item));
  self->request(s.args.store, caf::infinite,
                decision_write(s.st, after, shared->first.records, snapshot, s.args.fence))
      .then(
          [self, shared, after](p::write_outcome& outcome) mutable {
            if (!outcome && outcome.error().code == p::store_errc::fenced)
              return stop_fenced(self, outcome.error(), shared->second);
            if (!outcome)
              return self->quit(caf::make_error(caf::sec::runtime_error, outcome.error().message));
            take_records(self, std::move(after), shared->first.records);
            self->state.writing = false;
            self->state.writing_for.reset();
            for (const auto& e : shared->first.effects) carry_out(self, e);
            answer_view(shared->second, self->state);
            process_next(self);
          },
          [self](caf::error& error) { self->quit(std::move(error)); });
}

/// Decides one queued item; false when a write is now in flight.
void decide_one(execution_actor* self, queued_event item) {
  auto& s = self->state;
  if (!item.event) return answer_view(item, s);
  auto* env = s.args.options.env.get();  // outlives the actor: its options hold it
  runtime::engine::decide_context context{env->now_ms(), [env] { return env->random(); }};
  auto decision = runtime::engine::decide(s.wf, s.st, *item.event, context);
  if (!decision) return refuse(item, refusal_failure(decision.error()));
  if (decision->records.empty()) {
    for (const auto& e : decision->effects) carry_out(self, e);
    return answer_view(item, s);
  }
  store_decision(self, std::move(*decision), std::move(item));
}

}  // namespace

std::int64_t now_ms(const execution_actor_state& state) {
  return state.args.options.env->now_ms();
}

execution_view current_view(const execution_actor_state& state) {
  return view_of(state.row, state.st);
}

void process_next(execution_actor* self) {
  auto& s = self->state;
  if (s.stopping) return;
  while (s.loaded && !s.writing && !s.queue.empty()) {
    auto item = std::move(s.queue.front());
    s.queue.pop_front();
    decide_one(self, std::move(item));
  }
  if (s.loaded && !s.writing && s.queue.empty() && runtime::engine::is_finished(s.st.status))
    return self->quit();
  if (s.passivating && idle(s)) return self->quit();
  maybe_passivate(self);
}

namespace {

/// Queues a request that answers with the view after `event` (or at once when none).
caf::response_promise queue_request(execution_actor* self,
                                    std::optional<runtime::engine::event> event) {
  auto promise = self->make_response_promise();
  self->state.queue.push_back({std::move(event), promise});
  process_next(self);
  return promise;
}

/// Turns the end of an attempt into the engine's event.
runtime::engine::event outcome_event(attempt_outcome& outcome) {
  if (outcome.ok)
    return runtime::engine::attempt_completed_event{outcome.node, outcome.attempt, outcome.output};
  return runtime::engine::attempt_failed_event{outcome.node, outcome.attempt, outcome.error};
}

void on_attempt_done(execution_actor* self, attempt_outcome& outcome) {
  auto& s = self->state;
  if (s.loaded) {
    auto it = s.running.find(outcome.node);
    if (it == s.running.end() || it->second.attempt != outcome.attempt) return;
    s.running.erase(it);
  }
  s.queue.push_back({outcome_event(outcome), std::nullopt});
  process_next(self);
}

void on_timer_due(execution_actor* self, const std::string& id, std::uint64_t generation) {
  auto& s = self->state;
  auto it = s.timers.find(id);
  if (it == s.timers.end() || it->second != generation) return;
  s.timers.erase(it);
  if (!s.st.timers.count(id)) return;
  s.queue.push_back({runtime::engine::timer_fired_event{id}, std::nullopt});
  process_next(self);
}

/// Asks the service to let it stop; requests the service sent before its answer are still
/// answered (they arrive first), and once it agreed no new request comes here.
/// Fires every armed timer whose deadline passed (the service's wake-up found it due).
void on_timers_due(execution_actor* self) {
  auto& s = self->state;
  auto now = now_ms(self->state);
  for (auto it = s.timers.begin(); it != s.timers.end();) {
    auto stored = s.st.timers.find(it->first);
    if (stored == s.st.timers.end() || stored->second.deadline_ms > now) {
      ++it;
      continue;
    }
    s.queue.push_back({runtime::engine::timer_fired_event{it->first}, std::nullopt});
    it = s.timers.erase(it);
  }
  process_next(self);
}

void on_passivate(execution_actor* self, std::uint64_t generation) {
  auto& s = self->state;
  if (generation != s.passivate_generation || s.passivating || !idle(s)) return;
  std::int64_t earliest = -1;
  for (const auto& [id, t] : s.st.timers)
    if (earliest < 0 || t.deadline_ms < earliest) earliest = t.deadline_ms;
  self->request(s.args.service, caf::infinite, passivated_atom::value, s.args.id, earliest)
      .then(
          [self](caf::ok_atom) {
            self->state.passivating = true;
            process_next(self);
          },
          [](caf::error&) {});
}

caf::behavior execution_behavior(execution_actor* self, execution_args args) {
  self->state.args = std::move(args);
  self->state.cold_start = !self->state.args.preload;
  self->set_exit_handler(
      [self](caf::exit_msg& msg) { stop_gracefully(self, std::move(msg.reason)); });
  load(self);
  return {
      [self](caf::get_atom, const std::string&) { return queue_request(self, std::nullopt); },
      [self](pause_atom, const std::string&) {
        return queue_request(self, runtime::engine::pause_event{});
      },
      [self](resume_atom, const std::string&) {
        return queue_request(self, runtime::engine::resume_event{});
      },
      [self](cancel_atom, const std::string&) {
        return queue_request(self, runtime::engine::cancel_event{"cancelled by a user"});
      },
      [self](attempt_done_atom, attempt_outcome& outcome) { on_attempt_done(self, outcome); },
      [self](task_poll_atom, const std::string& node, int attempt, const std::string& run_id) {
        poll_task(self, node, attempt, run_id);
      },
      [self](timer_due_atom, const std::string& id, std::uint64_t generation) {
        on_timer_due(self, id, generation);
      },
      [self](brief_atom) {
        const auto& st = self->state.st;
        return execution_brief{st.seq, std::string(runtime::engine::to_string(st.status))};
      },
      [self](timers_due_atom) { on_timers_due(self); },
      [self](passivate_atom, std::uint64_t generation) { on_passivate(self, generation); },
      [self](reload_atom) { load(self); },
      [self](lease_lost_atom) {
        auto& id = self->state.args.id;
        spdlog::warn("execution {} stops: this node lost the lease of its shard", id);
        stop_without_writing(
            self, {errc::unavailable,
                   "execution " + id + " stopped here: this node lost its shard's lease; retry",
                   {}});
      },
  };
}

}  // namespace

}  // namespace detail

caf::actor spawn_execution(caf::local_actor* parent, execution_args args) {
  return parent->spawn(detail::execution_behavior, std::move(args));
}

}  // namespace auraos::actors::executions
