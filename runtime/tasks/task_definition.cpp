// Entry points: JSON text or value in, a validated task definition or every error out.

#include "runtime/tasks/task_definition.hpp"

#include <regex>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"
#include "runtime/json_parse.hpp"
#include "runtime/tasks/task_fields.hpp"

namespace auraos::runtime::tasks {
namespace {

using nlohmann::json;
namespace def = definition;

void read_identity(const def::scope& root, const json& document, task_definition& out) {
  if (auto id = def::required_string(root, document, "id")) {
    if (!def::is_definition_id(*id)) root.report("id", std::string{def::definition_id_rule});
    out.id = *id;
  }
  if (auto name = def::required_string(root, document, "name")) {
    if (name->empty()) root.report("name", "must not be empty");
    out.name = *name;
  }
  out.description = def::optional_string(root, document, "description").value_or("");
  out.tags = def::string_list(root, document, "tags").value_or(std::vector<std::string>{});
  const json* metadata = def::member(document, "metadata");
  if (metadata) def::expect(root, "metadata", *metadata, metadata->is_object(), "an object");
  out.metadata =
      std::make_shared<const json>(metadata && metadata->is_object() ? *metadata : json::object());
}

void read_type(const def::scope& root, const json& document, task_definition& out) {
  auto spelled = def::required_string(root, document, "type");
  if (!spelled) return;
  auto type = parse_task_type(*spelled);
  if (!type) {
    root.report("type", "unknown task type \"" + *spelled +
                            "\" (known: shell, http, transform, subworkflow, external)");
    return;
  }
  out.type = *type;
  read_task_config(root, document, *type, out);
}

void read_scheduling(const def::scope& root, const json& document, task_definition& out) {
  if (const json* retry = def::member(document, "retryPolicy"))
    out.retry = def::read_retry_policy(root.field("retryPolicy"), *retry).value_or(out.retry);
  out.timeout_seconds = def::positive_number(root, document, "timeout");
  out.priority =
      def::integer_between(root, document, "priority", -max_priority, max_priority).value_or(0);
  if (auto queue = def::optional_string(root, document, "queue")) {
    static const std::regex pattern{"[A-Za-z0-9][A-Za-z0-9_.-]{0,62}"};
    if (!std::regex_match(*queue, pattern))
      root.report("queue", "must match [A-Za-z0-9][A-Za-z0-9_.-]{0,62}, found \"" + *queue + "\"");
    out.queue = *queue;
  }
  out.resources = read_resources(root, document);
  out.concurrency = read_concurrency(root, document);
  out.rate_limit = read_rate_limit(root, document);
}

}  // namespace

result<task_definition, task_errors> parse_task_definition(const json& document) {
  task_errors errors;
  def::scope root{errors};
  if (!document.is_object()) {
    root.report(
        "", "the definition must be a JSON object, found " + std::string{def::type_name(document)});
    return fail(std::move(errors));
  }
  def::check_known_fields(
      root, document,
      {"id", "name", "description", "type", "config", "dependencies", "resources", "retryPolicy",
       "timeout", "priority", "queue", "concurrency", "rateLimit", "tags", "metadata", "secrets"});
  task_definition out;
  read_identity(root, document, out);
  read_type(root, document, out);
  out.secrets = read_secrets(root, document, out.type);
  out.dependencies = read_dependencies(root, document, out.id);
  read_scheduling(root, document, out);
  if (!errors.empty()) return fail(std::move(errors));
  return out;
}

result<task_definition, task_errors> parse_task_definition_text(std::string_view json_text) {
  auto document = parse_json(json_text);
  if (!document) return fail(task_errors{{"", "", "", document.error().to_string()}});
  return parse_task_definition(document.value());
}

}  // namespace auraos::runtime::tasks
