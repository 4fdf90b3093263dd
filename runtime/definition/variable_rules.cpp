// Top-level `variables` and `settings`.

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/rules.hpp"
#include "runtime/definition/variable_types.hpp"

namespace auraos::runtime::definition {
namespace {

using nlohmann::json;

void read_name(const scope& at, const json& value, variable& var, std::set<std::string>& seen) {
  auto name = required_string(at, value, "name");
  if (!name) return;
  static const std::regex identifier{"[A-Za-z_][A-Za-z0-9_]*"};
  if (!std::regex_match(*name, identifier))
    at.report("name", "must match [A-Za-z_][A-Za-z0-9_]*, found \"" + *name + "\"");
  else if (!seen.insert(*name).second)
    at.report("name", "duplicate variable \"" + *name + "\"");
  var.name = *name;
}

void read_type_and_default(const scope& at, const json& value, variable& var) {
  if (auto type =
          one_of(at, value, "type", {"string", "number", "boolean", "object", "array", "any"}))
    var.type = parse_variable_type(*type);
  else if (member(value, "type"))
    return;
  const json* fallback = member(value, "default");
  if (!fallback) return;
  if (!matches_type(var.type, *fallback))
    at.report("default", "must be of type " + std::string{to_string(var.type)} + ", found " +
                             std::string{type_name(*fallback)});
  else
    var.default_value = std::make_shared<const json>(*fallback);
}

/// `secret`: a boolean; a secret variable is a string without a default (a default would be
/// stored in the definition in plain text).
void read_secret(const scope& at, const json& value, variable& var) {
  const json* secret = member(value, "secret");
  if (!secret || !expect(at, "secret", *secret, secret->is_boolean(), "a boolean")) return;
  var.secret = secret->get<bool>();
  if (!var.secret) return;
  if (var.type != variable_type::string)
    at.report("type", "a secret variable must have type \"string\"");
  if (member(value, "default"))
    at.report("default", "a secret variable takes no default (it would be stored in plain text)");
}

variable read_variable(const scope& at, const json& value, std::set<std::string>& seen) {
  variable var;
  if (!expect(at, "", value, value.is_object(), "an object")) return var;
  check_known_fields(at, value, {"name", "type", "required", "default", "secret"});
  read_name(at, value, var, seen);
  read_type_and_default(at, value, var);
  if (const json* required = member(value, "required");
      required && expect(at, "required", *required, required->is_boolean(), "a boolean"))
    var.required = required->get<bool>();
  read_secret(at, value, var);
  return var;
}

}  // namespace

std::vector<variable> read_variables(const scope& root, const json& document) {
  std::vector<variable> variables;
  const json* list = member(document, "variables");
  if (!list || !expect(root, "variables", *list, list->is_array(), "an array")) return variables;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i)
    variables.push_back(
        read_variable(root.element("variables[" + std::to_string(i) + "]"), (*list)[i], seen));
  return variables;
}

workflow_settings read_settings(const scope& root, const json& document) {
  workflow_settings settings;
  const json* value = member(document, "settings");
  if (!value || !expect(root, "settings", *value, value->is_object(), "an object")) return settings;
  auto at = root.field("settings");
  check_known_fields(at, *value, {"timeoutSeconds", "retry", "maxParallel"});
  settings.timeout_seconds = positive_number(at, *value, "timeoutSeconds");
  if (const json* retry = member(*value, "retry"))
    settings.retry = read_retry_policy(at.field("retry"), *retry);
  if (const json* max = member(*value, "maxParallel")) {
    bool ok = is_integral(*max) && max->get<double>() >= 1 && max->get<double>() <= 1e9;
    if (expect(at, "maxParallel", *max, ok, "an integer greater than or equal to 1"))
      settings.max_parallel = static_cast<int>(max->get<double>());
  }
  return settings;
}

}  // namespace auraos::runtime::definition
