// Starting attempts and handling their results: inline node types, external work, retries.
#include <cmath>

#include <nlohmann/json.hpp>

#include "runtime/engine/json_text.hpp"
#include "runtime/engine/retry.hpp"
#include "runtime/engine/session.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::engine::detail {
namespace {

using runtime::definition::node_type;

nlohmann::json field(const nlohmann::json& config, const char* key) {
  return config.is_object() && config.contains(key) ? config[key] : nlohmann::json();
}

std::string text_field(const nlohmann::json& config, const char* key, std::string fallback) {
  auto value = field(config, key);
  return value.is_string() ? value.get<std::string>() : fallback;
}

std::int64_t seconds_to_ms(double seconds) {
  return std::llround(seconds * 1000.0);
}

void record_start(session& s, const std::string& id, int attempt, const nlohmann::json& config) {
  const auto& n = s.node(id);
  auto r = s.record(id, attempt);
  auto* a = r.mutable_attempt_started();
  a->set_idempotency_key(s.state().execution_id + "/" + id + "/" + std::to_string(attempt));
  a->set_config_json(runtime::dump_json(config));
  if (n.type == node_type::wait_event) a->set_waits_for_event(true);
  if (is_external(n.type) && n.timeout_seconds)
    a->set_deadline_ms(s.now_ms() + seconds_to_ms(*n.timeout_seconds));
  s.emit(std::move(r));
}

void start_delay(session& s, const std::string& id, const nlohmann::json& config) {
  std::optional<std::int64_t> deadline;
  if (auto seconds = field(config, "seconds"); seconds.is_number())
    deadline = s.now_ms() + seconds_to_ms(std::max(0.0, seconds.get<double>()));
  else if (auto until = field(config, "until"); until.is_string())
    deadline = parse_rfc3339_ms(until.get<std::string>());
  if (!deadline)
    return attempt_failed(
        s, id,
        {"definition",
         "node \"" + id + "\": config: needs `seconds` (a number) or `until` (RFC 3339)"});
  s.arm_timer(timer_id("delay", id, s.node_of(id).attempt), *deadline, v1::TIMER_DELAY, id,
              s.node_of(id).attempt);
}

/// Arms the timer of a wait_event node's `timeoutSeconds` (none: it waits until an event).
void arm_event_timeout(session& s, const std::string& id, int attempt,
                       const nlohmann::json& config) {
  auto seconds = field(config, "timeoutSeconds");
  if (!seconds.is_number()) return;
  s.arm_timer(timer_id("event", id, attempt),
              s.now_ms() + seconds_to_ms(std::max(0.0, seconds.get<double>())),
              v1::TIMER_EVENT_TIMEOUT, id, attempt);
}

void run_inline(session& s, const std::string& id, const nlohmann::json& config) {
  switch (s.node(id).type) {
    case node_type::transform:
      return attempt_succeeded(s, id, field(config, "output"));
    case node_type::noop:
      return attempt_succeeded(s, id, json_or_null(s.node_of(id).input));
    case node_type::fail:
      return attempt_failed(
          s, id, {text_field(config, "error", "fail"), text_field(config, "message", ""), false});
    case node_type::delay:
      return start_delay(s, id, config);
    default:
      break;
  }
  attempt_failed(s, id,
                 {"definition", "node type \"" + std::string(to_string(s.node(id).type)) +
                                    "\" is not supported by this runtime"});
}

/// The scope of `s` with the plain values of the secrets in `vars` (and `input`).
nlohmann::json unmasked_scope(const session& s) {
  auto scope = build_scope(s);
  for (const auto& [name, value] : s.state().secrets) {
    scope["vars"][name] = value;
    if (scope["input"].is_object() && scope["input"].contains(name)) scope["input"][name] = value;
  }
  return scope;
}

/// The config an external attempt runs with: as recorded, or, for a shell or http node of an
/// execution with secrets, rendered again with their plain values (never recorded).
json_ptr work_config(const session& s, const std::string& id) {
  const auto& n = s.node(id);
  auto recorded = parse_json_text(s.node_of(id).config_json);
  if (s.state().secrets.empty() || (n.type != node_type::shell && n.type != node_type::http))
    return recorded;
  auto rendered = n.config.render(unmasked_scope(s), evaluation_at(s));
  return rendered ? share_json(std::move(*rendered)) : recorded;
}

}  // namespace

bool is_external(node_type type) {
  return type == node_type::shell || type == node_type::http || type == node_type::subworkflow ||
         type == node_type::publish_event || type == node_type::wait_event ||
         type == node_type::task;
}

void issue_external(session& s, const std::string& id) {
  const auto& n = s.node(id);
  const auto& st = s.node_of(id);
  auto config = work_config(s, id);
  if (n.type != node_type::subworkflow) {
    s.act(start_attempt{id, st.attempt, n.type, config, st.idempotency_key, st.deadline_ms});
    return;
  }
  s.act(start_child_execution{id, st.attempt, text_field(*config, "workflowId", ""),
                              text_field(*config, "file", ""), share_json(field(*config, "input")),
                              st.idempotency_key, st.deadline_ms});
}

void begin_attempt(session& s, const std::string& id, int attempt) {
  const auto& n = s.node(id);
  auto rendered = n.config.render(build_scope(s), evaluation_at(s));
  record_start(s, id, attempt, rendered ? *rendered : nlohmann::json());
  if (!rendered)
    return attempt_failed(
        s, id, {"expression", "node \"" + id + "\": config: " + rendered.error().message});
  if (!is_external(n.type)) return run_inline(s, id, *rendered);
  if (auto deadline = s.node_of(id).deadline_ms)
    s.arm_timer(timer_id("timeout", id, attempt), deadline, v1::TIMER_ATTEMPT_TIMEOUT, id, attempt);
  if (n.type == node_type::wait_event) arm_event_timeout(s, id, attempt, *rendered);
  issue_external(s, id);
}

void attempt_succeeded(session& s, const std::string& id, const nlohmann::json& output) {
  int attempt = s.node_of(id).attempt;
  s.drop_timer(timer_id("timeout", id, attempt));
  s.drop_timer(timer_id("event", id, attempt));
  auto text = runtime::dump_json(output);
  auto done = s.record(id, attempt);
  done.mutable_attempt_completed()->set_output_json(text);
  s.emit(std::move(done));
  auto completed = s.record(id, attempt);
  completed.mutable_node_completed()->set_output_json(text);
  s.emit(std::move(completed));
  node_ended(s, id);
}

void attempt_failed(session& s, const std::string& id, const node_error& error) {
  int attempt = s.node_of(id).attempt;
  s.drop_timer(timer_id("timeout", id, attempt));
  s.drop_timer(timer_id("event", id, attempt));
  auto e = error;
  e.attempts = attempt;
  auto r = s.record(id, attempt);
  *r.mutable_attempt_failed()->mutable_error() = to_message(e);
  s.emit(std::move(r));
  auto policy = runtime::definition::effective_retry(s.wf(), s.node(id));
  if (!should_retry(policy, e, attempt)) {
    auto failed = s.record(id, attempt);
    *failed.mutable_node_failed()->mutable_error() = to_message(e);
    s.emit(std::move(failed));
    return node_ended(s, id);
  }
  auto delay = retry_delay_ms(policy, attempt + 1, s.random());
  auto retry = s.record(id, attempt + 1);
  retry.mutable_retry_scheduled()->set_delay_ms(delay);
  retry.mutable_retry_scheduled()->set_deadline_ms(s.now_ms() + delay);
  s.emit(std::move(retry));
  s.arm_timer(timer_id("retry", id, attempt + 1), s.now_ms() + delay, v1::TIMER_RETRY, id,
              attempt + 1);
}

}  // namespace auraos::runtime::engine::detail
