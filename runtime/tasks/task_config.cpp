// A task's `type` and `config`: the workflow language's node configs, or an external worker's.

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"
#include "runtime/tasks/task_fields.hpp"

namespace auraos::runtime::tasks {
namespace {

using nlohmann::json;
namespace def = definition;

constexpr std::array all_types{task_type::shell, task_type::http, task_type::transform,
                               task_type::subworkflow, task_type::external};

def::node_type node_type_of(task_type type) {
  switch (type) {
    case task_type::http:
      return def::node_type::http;
    case task_type::transform:
      return def::node_type::transform;
    case task_type::subworkflow:
      return def::node_type::subworkflow;
    default:
      return def::node_type::shell;
  }
}

void read_external(const def::scope& at, const json& config, task_definition& out) {
  def::check_known_fields(at, config, {"heartbeatSeconds"});
  out.heartbeat_seconds = def::positive_number(at, config, "heartbeatSeconds").value_or(30);
  auto parsed = expr::json_template::parse(json{{"heartbeatSeconds", out.heartbeat_seconds}});
  if (parsed) out.config = std::move(parsed).value();
}

}  // namespace

std::string_view to_string(task_type type) {
  switch (type) {
    case task_type::shell:
      return "shell";
    case task_type::http:
      return "http";
    case task_type::transform:
      return "transform";
    case task_type::subworkflow:
      return "subworkflow";
    case task_type::external:
      return "external";
  }
  return "unknown";
}

std::optional<task_type> parse_task_type(std::string_view name) {
  for (auto type : all_types)
    if (to_string(type) == name) return type;
  return std::nullopt;
}

void read_task_config(const def::scope& root, const json& document, task_type type,
                      task_definition& out) {
  const json* config = def::member(document, "config");
  if (config && !def::expect(root, "config", *config, config->is_object(), "an object")) return;
  json value = config ? *config : json::object();
  auto at = root.field("config");
  if (type == task_type::external) return read_external(at, value, out);
  def::check_config(at, node_type_of(type), value);
  if (auto parsed = def::read_template(root, "config", value)) out.config = std::move(*parsed);
}

}  // namespace auraos::runtime::tasks
