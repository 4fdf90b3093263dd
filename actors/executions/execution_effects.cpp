// Carrying out a stored decision's effects: attempts, timers, children, the end.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "actors/executions/event_attempts.hpp"
#include "actors/executions/execution_state.hpp"
#include "actors/executions/task_attempts.hpp"
#include "actors/timers/timer_service.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/handlers/http_request.hpp"
#include "runtime/handlers/shell_request.hpp"

namespace auraos::actors::executions::detail {

namespace {

/// The end of an attempt as the engine sees it.
attempt_outcome to_outcome(const std::string& node, int attempt,
                           const runtime::handlers::work_result& r) {
  attempt_outcome outcome{node, attempt, r.ok, r.output, {}};
  if (!r.ok)
    outcome.error = {r.error.type, r.error.message, r.error.retryable, attempt, r.error.fields};
  return outcome;
}

/// Fails an attempt that could not even start (a bad rendered config).
void fail_now(execution_actor* self, const std::string& node, int attempt,
              const runtime::handlers::work_error& error) {
  runtime::engine::node_error e{error.type, error.message, error.retryable, attempt, error.fields};
  self->state.queue.push_back(
      {runtime::engine::attempt_failed_event{node, attempt, e}, std::nullopt});
}

/// `node_handlers::start_shell` or `start_http`.
template <class Request>
using start_fn = runtime::handlers::cancel_fn (runtime::handlers::node_handlers::*)(
    Request, runtime::handlers::done_fn);

template <class Request, class Parse>
void start_on(execution_actor* self, start_fn<Request> start, Parse parse,
              const runtime::engine::start_attempt& a) {
  runtime::handlers::attempt_identity identity{self->state.args.id, a.node, a.attempt,
                                               a.idempotency_key};
  auto request = parse(runtime::engine::json_or_null(a.config), identity);
  if (!request) return fail_now(self, a.node, a.attempt, request.error());
  auto me = caf::actor_cast<caf::actor>(self);
  auto& runners = *self->state.args.runners;
  auto cancel =
      (runners.*start)(std::move(*request),
                       [me, node = a.node, attempt = a.attempt](runtime::handlers::work_result r) {
                         caf::anon_send(me, attempt_done_atom::value, to_outcome(node, attempt, r));
                       });
  self->state.running[a.node] = {a.attempt, std::move(cancel)};
}

void start_work(execution_actor* self, const runtime::engine::start_attempt& a) {
  if (a.type == runtime::definition::node_type::publish_event) return publish_event(self, a);
  if (a.type == runtime::definition::node_type::wait_event) return wait_event(self, a);
  if (a.type == runtime::definition::node_type::task) return start_task(self, a);
  if (const auto& problem = self->state.secrets_problem)
    return fail_now(self, a.node, a.attempt, {"secrets", *problem, false, nullptr});
  if (a.type == runtime::definition::node_type::http)
    return start_on(self, &runtime::handlers::node_handlers::start_http,
                    runtime::handlers::parse_http_config, a);
  start_on(self, &runtime::handlers::node_handlers::start_shell,
           runtime::handlers::parse_shell_config, a);
}

void start_child(execution_actor* self, const runtime::engine::start_child_execution& c) {
  auto& s = self->state;
  s.running[c.node] = {c.attempt, [] {}, true};
  child_request request{s.args.id,        c.node, c.attempt,
                        c.workflow_id,    c.file, runtime::engine::json_text(c.input),
                        c.idempotency_key,
                        s.row.created_by.value_or("")};
  auto service = s.args.service;
  self->request(service, caf::infinite, child_start_atom::value, std::move(request))
      .then([self, service, node = c.node, attempt = c.attempt](child_reply& reply) {
        auto& running = self->state.running;
        auto it = running.find(node);
        if (it == running.end() || it->second.attempt != attempt) return;
        if (!reply) {
          running.erase(it);
          runtime::engine::node_error e{"subworkflow", reply.error().message, false, attempt};
          if (!reply.error().details.empty())
            e.fields = runtime::engine::share_json({{"details", reply.error().details}});
          self->state.queue.push_back(
              {runtime::engine::attempt_failed_event{node, attempt, e}, {}});
          return process_next(self);
        }
        it->second.cancel = [service, id = *reply] {
          caf::anon_send(service, cancel_atom::value, id);
        };
      });
}

void stop_attempt(execution_actor* self, const runtime::engine::cancel_attempt& c) {
  auto& running = self->state.running;
  auto it = running.find(c.node);
  if (it == running.end() || it->second.attempt != c.attempt) return;
  it->second.cancel();
  running.erase(it);
}

void end(execution_actor* self, const runtime::engine::finished& f) {
  auto& s = self->state;
  execution_end e{s.args.id, s.row.idempotency_key.value_or(""), f.status, f.output, f.error};
  self->send(s.args.service, ended_atom::value, std::move(e));
  if (s.args.options.on_finished) s.args.options.on_finished(s.args.id, current_view(s));
}

/// Dispatches one effect.
struct effect_visitor {
  execution_actor* self;
  void operator()(const runtime::engine::start_attempt& a) const { start_work(self, a); }
  void operator()(const runtime::engine::cancel_attempt& c) const { stop_attempt(self, c); }
  void operator()(const runtime::engine::set_timer& t) const {
    arm_timer(self, t.id, t.deadline_ms);
  }
  void operator()(const runtime::engine::cancel_timer& t) const { self->state.timers.erase(t.id); }
  void operator()(const runtime::engine::start_child_execution& c) const { start_child(self, c); }
  void operator()(const runtime::engine::finished& f) const { end(self, f); }
};

}  // namespace

void carry_out(execution_actor* self, const runtime::engine::effect& effect) {
  std::visit(effect_visitor{self}, effect);
}

void arm_timer(execution_actor* self, const std::string& id, std::int64_t deadline_ms) {
  auto& s = self->state;
  auto generation = ++s.timer_generation;
  s.timers[id] = generation;
  auto delay = std::chrono::milliseconds(std::max<std::int64_t>(0, deadline_ms - now_ms(s)));
  // A scheduled message holds its receiver until it fires: a far timer would keep a passivated
  // actor in memory, so the node's timer service, armed from the store, fires those.
  if (delay > s.args.options.passivate_after)
    return timers::arm_node_timer(self, timers::execution_owner, s.args.id, deadline_ms);
  s.args.options.env->send_after(self, delay, timer_due_atom::value, id, generation);
}

bool idle(const execution_actor_state& s) {
  return s.loaded && !s.writing && s.queue.empty() &&
         std::all_of(s.running.begin(), s.running.end(),
                     [](const auto& run) { return run.second.passive; });
}

void maybe_passivate(execution_actor* self) {
  auto& s = self->state;
  ++s.passivate_generation;
  bool waits = idle(s) && s.st.status != runtime::engine::execution_status::pending &&
               !runtime::engine::is_finished(s.st.status);
  if (!waits || s.passivating) return;
  auto idle_time = s.cold_start ? std::chrono::milliseconds(0) : s.args.options.passivate_after;
  s.cold_start = false;
  s.args.options.env->send_after(self, idle_time, passivate_atom::value, s.passivate_generation);
}

}  // namespace auraos::actors::executions::detail
