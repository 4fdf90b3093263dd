// Connections, joins and dead-path elimination: what follows when a node ends.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/engine/json_text.hpp"
#include "runtime/engine/session.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::engine::detail {
namespace {

using runtime::definition::connection;
using runtime::definition::edge_condition;

bool outcome_matches(edge_condition on, node_status status) {
  if (status == node_status::completed) return on != edge_condition::error;
  if (status == node_status::failed) return on != edge_condition::success;
  return false;
}

std::string describe(const connection& c) {
  return "connection " + c.from + " -> " + c.to;
}

/// What a node receives from one taken predecessor: its output, or its error when it failed.
nlohmann::json handed_on(const node_state& from) {
  if (from.status == node_status::failed && from.error) return error_object(*from.error);
  return json_or_null(from.output);
}

nlohmann::json node_input(const session& s, const std::string& id) {
  std::vector<std::string> sources;
  const auto& cs = s.wf().connections;
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (cs[i].to == id && s.state().connections[i] == edge_state::taken &&
        std::find(sources.begin(), sources.end(), cs[i].from) == sources.end())
      sources.push_back(cs[i].from);
  if (sources.empty()) return json_or_null(s.state().input);
  if (sources.size() == 1) return handed_on(s.node_of(sources.front()));
  auto input = nlohmann::json::object();
  for (const auto& from : sources) input[from] = handed_on(s.node_of(from));
  return input;
}

void schedule(session& s, const std::string& id) {
  auto r = s.record(id);
  r.mutable_node_scheduled()->set_input_json(runtime::dump_json(node_input(s, id)));
  s.emit(std::move(r));
}

void skip(session& s, const std::string& id) {
  auto r = s.record(id);
  r.mutable_node_skipped();
  s.emit(std::move(r));
  node_ended(s, id);
}

void evaluate_join(session& s, const runtime::definition::node& target) {
  const auto& st = s.node_of(target.id);
  if (st.status != node_status::pending || st.queued) return;
  bool all_decided = true, any_taken = false, all_taken = true;
  const auto& cs = s.wf().connections;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (cs[i].to != target.id) continue;
    auto e = s.state().connections[i];
    all_decided = all_decided && e != edge_state::undecided;
    any_taken = any_taken || e == edge_state::taken;
    all_taken = all_taken && e == edge_state::taken;
  }
  if (target.join == runtime::definition::join_mode::any && any_taken)
    return schedule(s, target.id);
  if (!all_decided) return;
  bool runs = target.join == runtime::definition::join_mode::all ? all_taken : any_taken;
  runs ? schedule(s, target.id) : skip(s, target.id);
}

/// Decides connection `i`; false when its `when` could not be evaluated (execution failed).
bool decide_connection(session& s, std::size_t i, const nlohmann::json& scope) {
  const auto& c = s.wf().connections[i];
  bool taken = outcome_matches(c.on, s.node_of(c.from).status);
  if (taken && c.when) {
    auto value = c.when->evaluate(scope, evaluation_at(s));
    if (!value) {
      fail_execution(s, {"expression", describe(c) + ": when: " + value.error().message});
      return false;
    }
    taken = value->is_boolean() && value->get<bool>();
  }
  auto r = s.record(c.from);
  r.mutable_connection_decided()->set_index(static_cast<int>(i));
  r.mutable_connection_decided()->set_taken(taken);
  s.emit(std::move(r));
  return true;
}

bool failure_handled(const session& s, const std::string& id) {
  const auto& cs = s.wf().connections;
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (cs[i].from == id && cs[i].on != edge_condition::success &&
        s.state().connections[i] == edge_state::taken)
      return true;
  return false;
}

}  // namespace

void node_ended(session& s, const std::string& id) {
  auto scope = build_scope(s);
  const auto& cs = s.wf().connections;
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (cs[i].from == id && !decide_connection(s, i, scope)) return;
  const auto& st = s.node_of(id);
  if (st.status == node_status::failed && !failure_handled(s, id)) {
    auto error = *st.error;
    error.message = "node \"" + id + "\" failed: " + error.message;
    error.retryable = false;
    return fail_execution(s, std::move(error));
  }
  for (const auto& n : s.wf().nodes) {
    if (is_finished(s.state().status)) return;
    if (std::any_of(cs.begin(), cs.end(),
                    [&](const connection& c) { return c.from == id && c.to == n.id; }))
      evaluate_join(s, n);
  }
  finish_if_done(s);
}

void schedule_start_nodes(session& s) {
  const auto& cs = s.wf().connections;
  for (const auto& n : s.wf().nodes)
    if (std::none_of(cs.begin(), cs.end(), [&](const connection& c) { return c.to == n.id; }))
      schedule(s, n.id);
}

}  // namespace auraos::runtime::engine::detail
