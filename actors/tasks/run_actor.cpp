#include "actors/tasks/run_actor.hpp"

#include <nlohmann/json.hpp>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/tasks/task_messages.hpp"
#include "actors/tasks/run_state.hpp"
#include "actors/tasks/task_secrets.hpp"
#include "runtime/tasks/attempt_outcome.hpp"

namespace auraos::actors::tasks {
namespace detail {
namespace {

/// The error JSON stored on the run: {type, message} plus the work's extra fields.
std::string error_json(const runtime::handlers::work_error& error) {
  nlohmann::json out = nlohmann::json::object();
  if (error.fields && error.fields->is_object()) out = *error.fields;
  out["type"] = error.type;
  out["message"] = error.message;
  return out.dump();
}

/// Splits a captured stream into log lines.
void log_stream(run_actor* self, const nlohmann::json& output, const char* stream) {
  auto it = output.find(stream);
  if (it == output.end() || !it->is_string()) return;
  const auto& text = it->get_ref<const std::string&>();
  std::size_t begin = 0;
  while (begin < text.size()) {
    auto end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    log_line(self, stream, text.substr(begin, end - begin));
    begin = end + 1;
  }
}

/// The log lines a result brings: a shell command's streams, then what became of the attempt.
void log_result(run_actor* self, const runtime::handlers::work_result& result) {
  if (result.output && result.output->is_object()) {
    log_stream(self, *result.output, "stdout");
    log_stream(self, *result.output, "stderr");
  }
  auto attempt = std::to_string(self->state.args.run.attempts);
  if (result.ok)
    log_line(self, "system", "attempt " + attempt + " completed");
  else
    log_line(self, "system",
             "attempt " + attempt + " failed: " + result.error.type + ": " + result.error.message);
}

}  // namespace

runtime::handlers::work_result failed(std::string type, std::string message, bool retryable) {
  return runtime::handlers::work_failed({std::move(type), std::move(message), retryable, {}});
}

void log_line(run_actor* self, std::string stream, std::string text) {
  self->state.lines.push_back({0, self->state.args.env->now_ms(), std::move(stream),
                               masked_text(*self->state.args.spec, text)});
}

void end_attempt(run_actor* self, runtime::handlers::work_result result) {
  auto& s = self->state;
  if (s.ending) return;
  s.ending = true;
  s.cancel = nullptr;
  result = masked_result(*s.args.spec, std::move(result));
  log_result(self, result);
  auto& run = s.args.run;
  auto now = s.args.env->now_ms();
  runtime::tasks::attempt_end end{result.ok, result.error.type, result.error.retryable,
                                  static_cast<int>(run.attempts)};
  auto outcome = runtime::tasks::after_attempt(s.args.spec->retry, end, now, s.args.env->random());
  run.status = outcome.status;
  run.next_attempt_at = outcome.next_attempt_at;
  run.lease_id.reset();
  run.lease_expires_at.reset();
  if (result.ok) {
    run.output = result.output ? result.output->dump() : "null";
    run.error.reset();
  } else {
    run.error = error_json(result.error);
  }
  if (runtime::tasks::is_final_status(run.status)) run.completed_at = now;
  persistence::write_request write;
  write.wait_for_database = true;
  write.ops.emplace_back(persistence::update_task_run_op{run, s.args.lease});
  if (!s.lines.empty())
    write.ops.emplace_back(persistence::append_task_log_op{run.id, std::move(s.lines)});
  self->request(s.args.store, caf::infinite, std::move(write))
      .then([self](persistence::write_outcome&) {
        // A refused write (a lost lease) leaves the run to the shard's new owner.
        self->send(self->state.args.pool, run_ended_atom::value, self->state.args.run);
        self->quit();
      });
}

}  // namespace detail

namespace {

using detail::run_actor;

/// Renews, completes or fails an external run's lease.
run_reply on_lease(run_actor* self, const lease_call& call) {
  auto& s = self->state;
  auto& run = s.args.run;
  if (s.ending || !run.lease_id || *run.lease_id != call.lease_id)
    return refused(errc::conflict, "the lease " + call.lease_id + " of run " + run.id +
                                       " is not current (it expired or the run ended)");
  auto now = s.args.env->now_ms();
  if (call.verb == lease_verb::heartbeat) {
    run.lease_expires_at = now + s.args.spec->heartbeat_ms;
    s.args.env->send_at(self, *run.lease_expires_at, detail::lease_check_atom::value);
    persistence::write_request write;
    write.wait_for_database = true;
    write.ops.emplace_back(persistence::update_task_run_op{run, s.args.lease});
    caf::anon_send(s.args.store, std::move(write));
    return run;
  }
  if (call.verb == lease_verb::complete) {
    auto output = nlohmann::json::parse(call.output, nullptr, false);
    detail::end_attempt(self, runtime::handlers::work_succeeded(std::move(output)));
  } else {
    detail::end_attempt(self, detail::failed(call.error_type, call.error_message, true));
  }
  return run;
}

caf::behavior run_behavior(run_actor* self, run_args args) {
  self->state.args = std::move(args);
  auto& s = self->state;
  if (s.args.spec->type == "external") {
    if (s.args.run.lease_expires_at)
      s.args.env->send_at(self, *s.args.run.lease_expires_at, detail::lease_check_atom::value);
  } else {
    if (s.args.spec->timeout_ms)
      s.args.env->send_after(self, std::chrono::milliseconds(*s.args.spec->timeout_ms),
                             detail::attempt_timeout_atom::value, s.args.run.attempts);
    detail::start_work(self);
  }
  return {
      [self](detail::work_done_atom, std::int64_t attempt, runtime::handlers::work_result& r) {
        if (attempt == self->state.args.run.attempts) detail::end_attempt(self, std::move(r));
      },
      [self](detail::attempt_timeout_atom, std::int64_t attempt) {
        auto& st = self->state;
        if (attempt != st.args.run.attempts || st.ending) return;
        if (st.cancel) st.cancel();
        auto seconds = *st.args.spec->timeout_ms / 1000.0;
        detail::end_attempt(self, detail::failed("timeout",
                                                 "attempt " + std::to_string(attempt) +
                                                     " timed out after " +
                                                     nlohmann::json(seconds).dump() + " s (timeout)",
                                                 true));
      },
      [self](detail::lease_check_atom) {
        auto& run = self->state.args.run;
        if (self->state.ending || !run.lease_expires_at) return;
        if (self->state.args.env->now_ms() < *run.lease_expires_at) return;
        detail::end_attempt(self, detail::failed("lease_expired",
                                                 "the worker " + run.worker.value_or("?") +
                                                     " did not renew its lease in time",
                                                 true));
      },
      [self](detail::poll_child_atom) { detail::watch_child(self); },
      [self](run_cancel_atom) {
        auto& st = self->state;
        if (st.ending) return;
        if (st.cancel) st.cancel();
        detail::end_attempt(self, detail::failed("cancelled", "the run was cancelled", false));
      },
      [self](const lease_call& call) { return on_lease(self, call); },
  };
}

}  // namespace

caf::actor spawn_run_actor(caf::actor_system& system, run_args args) {
  return system.spawn([args = std::move(args)](run_actor* self) mutable {
    return run_behavior(self, std::move(args));
  });
}

}  // namespace auraos::actors::tasks
