// decide(): dispatches one event to the rules it triggers.
#include <nlohmann/json.hpp>

#include "runtime/engine/json_text.hpp"
#include "runtime/engine/session.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/secrets/masking.hpp"

namespace auraos::runtime::engine {
namespace {

using namespace detail;

/// The execution's plain secret values (empty when it has none).
secrets::secret_set secrets_of(const execution_state& state) {
  secrets::secret_set set;
  for (const auto& [name, value] : state.secrets) set.add(value);
  return set;
}

/// An attempt's output with every secret value masked, before anything records it.
nlohmann::json masked_output(const execution_state& state, const json_ptr& output) {
  if (state.secrets.empty()) return json_or_null(output);
  return secrets_of(state).masked_json(json_or_null(output));
}

/// An attempt's error with every secret value masked (message and fields).
node_error masked_error(const execution_state& state, node_error error) {
  if (state.secrets.empty()) return error;
  auto set = secrets_of(state);
  error.message = set.masked(error.message);
  if (error.fields) error.fields = share_json(set.masked_json(*error.fields));
  return error;
}
engine_error conflict(std::string_view action, execution_status status) {
  return {refusal::conflict, "cannot " + std::string(action) + " an execution that is " +
                                 std::string(to_string(status))};
}

bool is_live(const session& s) {
  auto status = s.state().status;
  return !is_finished(status) && status != execution_status::pending;
}

/// True when a result for `attempt` of `node` is the one the engine waits for.
bool is_current(const session& s, const std::string& node, int attempt) {
  auto it = s.state().nodes.find(node);
  return is_live(s) && it != s.state().nodes.end() && it->second.attempt_open &&
         it->second.attempt == attempt && is_external(s.node(node).type);
}

/// The error of an attempt whose `timeoutSeconds` passed.
node_error attempt_timeout(const session& s, const std::string& node, int attempt) {
  std::string limit;
  if (auto t = s.node(node).timeout_seconds)
    limit = " after " + seconds_text(*t) + " (timeoutSeconds)";
  return {"timeout",
          "node \"" + node + "\": attempt " + std::to_string(attempt) + " timed out" + limit, true};
}

/// The error of a wait_event attempt whose `config.timeoutSeconds` passed (not retried: the
/// node fails).
node_error event_timeout(const std::string& node, int attempt) {
  return {"timeout",
          "node \"" + node + "\": no matching event arrived in time (config.timeoutSeconds)",
          false, attempt};
}

/// The error of an execution whose `settings.timeoutSeconds` passed.
node_error execution_timeout(const session& s) {
  std::string limit;
  if (auto t = s.wf().settings.timeout_seconds)
    limit = " after " + seconds_text(*t) + " (settings.timeoutSeconds)";
  return {"timeout", "the execution timed out" + limit, false, 0};
}

void on_timer(session& s, const std::string& id) {
  auto it = s.state().timers.find(id);
  if (it == s.state().timers.end()) return;
  auto t = it->second;
  auto r = s.record(t.node, t.attempt);
  r.mutable_timer_fired()->set_timer_id(id);
  s.emit(std::move(r));
  switch (t.purpose) {
    case v1::TIMER_DELAY:
      return attempt_succeeded(s, t.node, {{"firedAt", format_rfc3339_ms(s.now_ms())}});
    case v1::TIMER_ATTEMPT_TIMEOUT:
      s.act(cancel_attempt{t.node, t.attempt});
      return attempt_failed(s, t.node, attempt_timeout(s, t.node, t.attempt));
    case v1::TIMER_EVENT_TIMEOUT:
      s.act(cancel_attempt{t.node, t.attempt});
      return attempt_failed(s, t.node, event_timeout(t.node, t.attempt));
    case v1::TIMER_EXECUTION_TIMEOUT: {
      auto error = execution_timeout(s);
      auto end = s.record();
      *end.mutable_execution_timed_out()->mutable_error() = to_message(error);
      return end_execution(s, std::move(end), {execution_status::timed_out, nullptr, error});
    }
    default:
      return;
  }
}

void on_recovered(session& s) {
  for (const auto& n : s.wf().nodes) {
    const auto& st = s.node_of(n.id);
    if (!st.attempt_open || !is_external(n.type)) continue;
    auto r = s.record(n.id, st.attempt);
    r.mutable_attempt_interrupted()->set_reason("recovered");
    s.emit(std::move(r));
    issue_external(s, n.id);
  }
  for (const auto& [id, t] : s.state().timers) s.act(set_timer{id, t.deadline_ms});
}

/// Applies one event to a session; an error refuses the event.
struct handler {
  session& s;

  std::optional<engine_error> operator()(const start_event& ev) { return start_execution(s, ev); }
  std::optional<engine_error> operator()(const pause_event&) {
    return control("pause", execution_status::running, &v1::HistoryEvent::mutable_execution_paused);
  }
  std::optional<engine_error> operator()(const resume_event&) {
    return control("resume", execution_status::paused,
                   &v1::HistoryEvent::mutable_execution_resumed);
  }
  std::optional<engine_error> operator()(const cancel_event& ev) {
    if (is_finished(s.state().status)) return conflict("cancel", s.state().status);
    auto r = s.record();
    r.mutable_execution_cancelled()->set_reason(ev.reason);
    end_execution(s, std::move(r), {execution_status::cancelled, nullptr, std::nullopt});
    return std::nullopt;
  }
  std::optional<engine_error> operator()(const attempt_completed_event& ev) {
    if (is_current(s, ev.node, ev.attempt))
      attempt_succeeded(s, ev.node, masked_output(s.state(), ev.output));
    return std::nullopt;
  }
  std::optional<engine_error> operator()(const attempt_failed_event& ev) {
    if (is_current(s, ev.node, ev.attempt))
      attempt_failed(s, ev.node, masked_error(s.state(), ev.error));
    return std::nullopt;
  }
  std::optional<engine_error> operator()(const timer_fired_event& ev) {
    if (is_live(s)) on_timer(s, ev.timer_id);
    return std::nullopt;
  }
  std::optional<engine_error> operator()(const recovered_event&) {
    if (is_live(s)) on_recovered(s);
    return std::nullopt;
  }

  template <class Mutator>
  std::optional<engine_error> control(std::string_view action, execution_status from,
                                      Mutator mutate) {
    if (s.state().status != from) return conflict(action, s.state().status);
    auto r = s.record();
    (r.*mutate)();
    s.emit(std::move(r));
    return std::nullopt;
  }
};

}  // namespace

result<decision, engine_error> decide(const workflow& wf, const execution_state& state,
                                      const event& ev, const decide_context& context) {
  session s(wf, state, context);
  if (auto refused = std::visit(handler{s}, ev)) return fail(std::move(*refused));
  pump(s);
  return s.take();
}

}  // namespace auraos::runtime::engine
