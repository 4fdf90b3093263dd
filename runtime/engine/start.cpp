// Starting an execution: refuse input that does not fit, record the start, schedule the start
// nodes.
#include <cmath>

#include <nlohmann/json.hpp>

#include "runtime/definition/parse.hpp"
#include "runtime/engine/json_text.hpp"
#include "runtime/engine/session.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::engine {
namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

std::optional<engine_error> refuse_input(const workflow& wf, const nlohmann::json& input) {
  std::vector<std::string> problems;
  for (const auto& e : runtime::definition::check_input(wf, input))
    problems.push_back("input: " + e.to_string());
  if (!problems.empty()) return engine_error{refusal::invalid, joined(problems)};
  return std::nullopt;
}

}  // namespace

namespace detail {

std::optional<engine_error> start_execution(session& s, const start_event& ev) {
  if (s.state().status != execution_status::pending || s.state().seq != 0)
    return engine_error{refusal::conflict, "cannot start an execution that is " +
                                               std::string(to_string(s.state().status))};
  const auto& input = json_or_null(ev.input);
  if (auto refused = refuse_input(s.wf(), input)) return refused;
  auto r = s.record();
  auto* started = r.mutable_execution_started();
  started->set_execution_id(ev.execution_id);
  started->set_workflow_id(s.wf().id);
  started->set_revision(ev.revision);
  started->set_input_json(json_text(ev.input));
  started->set_vars_json(runtime::dump_json(runtime::definition::variable_values(s.wf(), input)));
  s.emit(std::move(r));
  if (auto t = s.wf().settings.timeout_seconds)
    s.arm_timer("execution", s.now_ms() + std::llround(*t * 1000.0), v1::TIMER_EXECUTION_TIMEOUT,
                {}, 0);
  schedule_start_nodes(s);
  return std::nullopt;
}

}  // namespace detail
}  // namespace auraos::runtime::engine
