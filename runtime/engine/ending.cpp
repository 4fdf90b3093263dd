// Running queued work, and the ways an execution ends.
#include <nlohmann/json.hpp>

#include "runtime/engine/json_text.hpp"
#include "runtime/engine/session.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::engine::detail {
namespace {

bool holds_slot(node_status status) {
  return status == node_status::running || status == node_status::waiting ||
         status == node_status::retrying;
}

bool slot_free(const session& s) {
  if (!s.wf().settings.max_parallel) return true;
  int active = 0;
  for (const auto& [id, n] : s.state().nodes) active += holds_slot(n.status) ? 1 : 0;
  return active < *s.wf().settings.max_parallel;
}

bool running(const session& s) {
  return s.state().status == execution_status::running;
}

void start_due_retries(session& s) {
  for (const auto& n : s.wf().nodes) {
    if (!running(s)) return;
    const auto& st = s.node_of(n.id);
    if (st.retry_due && st.status == node_status::retrying) begin_attempt(s, n.id, st.attempt + 1);
  }
}

/// The default output: each completed sink node (no outgoing success connection) by id.
nlohmann::json default_output(const session& s) {
  auto output = nlohmann::json::object();
  const auto& cs = s.wf().connections;
  for (const auto& n : s.wf().nodes) {
    bool sink = std::none_of(cs.begin(), cs.end(), [&](const runtime::definition::connection& c) {
      return c.from == n.id && c.on == runtime::definition::edge_condition::success;
    });
    const auto& st = s.node_of(n.id);
    if (sink && st.status == node_status::completed) output[n.id] = json_or_null(st.output);
  }
  return output;
}

void cancel_node(session& s, const std::string& id) {
  const auto& st = s.node_of(id);
  if (st.attempt_open && is_external(s.node(id).type)) {
    s.act(cancel_attempt{id, st.attempt});
    auto r = s.record(id, st.attempt);
    r.mutable_attempt_interrupted()->set_reason("cancelled");
    s.emit(std::move(r));
  }
  auto r = s.record(id, s.node_of(id).attempt);
  r.mutable_node_cancelled();
  s.emit(std::move(r));
}

}  // namespace

void pump(session& s) {
  start_due_retries(s);
  while (running(s) && !s.state().ready_queue.empty() && slot_free(s)) {
    auto next = s.state().ready_queue.front();  // a copy: starting it dequeues it
    begin_attempt(s, next, 1);
  }
}

void finish_if_done(session& s) {
  const auto& st = s.state();
  if (is_finished(st.status) || st.status == execution_status::pending) return;
  for (const auto& [id, n] : st.nodes)
    if (!is_terminal(n.status)) return;
  nlohmann::json output = default_output(s);
  if (s.wf().output) {
    auto rendered = s.wf().output->render(build_scope(s), evaluation_at(s));
    if (!rendered) return fail_execution(s, {"expression", "output: " + rendered.error().message});
    output = std::move(*rendered);
  }
  auto r = s.record();
  r.mutable_execution_completed()->set_output_json(runtime::dump_json(output));
  s.emit(std::move(r));
  s.act(finished{execution_status::completed, share_json(std::move(output)), std::nullopt});
}

void end_execution(session& s, v1::HistoryEvent end, finished result) {
  for (const auto& n : s.wf().nodes)
    if (!is_terminal(s.node_of(n.id).status)) cancel_node(s, n.id);
  std::vector<std::string> timers;
  for (const auto& [id, t] : s.state().timers) timers.push_back(id);
  for (const auto& id : timers) s.drop_timer(id);
  s.emit(std::move(end));
  s.act(std::move(result));
}

void fail_execution(session& s, node_error error) {
  auto r = s.record();
  *r.mutable_execution_failed()->mutable_error() = to_message(error);
  end_execution(s, std::move(r), {execution_status::failed, nullptr, std::move(error)});
}

}  // namespace auraos::runtime::engine::detail
