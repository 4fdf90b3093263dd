#include "runtime/engine/session.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "runtime/engine/json_text.hpp"

namespace auraos::runtime::engine::detail {

session::session(const workflow& wf, const execution_state& state, const decide_context& context)
    : wf_(wf), state_(state), context_(context) {}

const runtime::definition::node& session::node(const std::string& id) const {
  return wf_.nodes.at(static_cast<std::size_t>(runtime::definition::find_node(wf_, id)));
}

v1::HistoryEvent session::record(const std::string& node, int attempt) const {
  v1::HistoryEvent r;
  r.set_at_ms(context_.now_ms);
  r.set_node(node);
  r.set_attempt(attempt);
  return r;
}

void session::emit(v1::HistoryEvent r) {
  apply(state_, r);
  out_.records.push_back(std::move(r));
}

void session::arm_timer(const std::string& id, std::int64_t deadline_ms, v1::TimerPurpose purpose,
                        const std::string& node, int attempt) {
  auto r = record(node, attempt);
  auto* t = r.mutable_timer_set();
  t->set_timer_id(id);
  t->set_deadline_ms(deadline_ms);
  t->set_purpose(purpose);
  emit(std::move(r));
  act(set_timer{id, deadline_ms});
}

void session::drop_timer(const std::string& id) {
  auto it = state_.timers.find(id);
  if (it == state_.timers.end()) return;
  auto r = record(it->second.node, it->second.attempt);
  r.mutable_timer_cancelled()->set_timer_id(id);
  emit(std::move(r));
  act(cancel_timer{id});
}

nlohmann::json build_scope(const session& s) {
  const auto& st = s.state();
  auto nodes = nlohmann::json::object();
  for (const auto& [id, n] : st.nodes) {
    auto entry =
        nlohmann::json{{"status", to_string(n.status)}, {"output", json_or_null(n.output)}};
    entry["error"] = n.error ? error_object(*n.error) : nlohmann::json();
    nodes[id] = std::move(entry);
  }
  return {{"input", json_or_null(st.input)},
          {"vars", json_or_null(st.vars)},
          {"nodes", std::move(nodes)},
          {"execution", {{"id", st.execution_id}, {"workflowId", st.workflow_id}}}};
}

expr::evaluation_options evaluation_at(const session& s) {
  expr::evaluation_options options;
  options.now = std::chrono::system_clock::time_point(std::chrono::milliseconds(s.now_ms()));
  return options;
}

std::string timer_id(std::string_view kind, const std::string& node, int attempt) {
  return std::string(kind) + ":" + node + ":" + std::to_string(attempt);
}

}  // namespace auraos::runtime::engine::detail
