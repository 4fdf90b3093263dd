// An execution's input against the workflow's variables.

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/parse.hpp"
#include "runtime/definition/variable_types.hpp"

namespace auraos::runtime {

std::vector<definition_error> check_input(const workflow& wf, const nlohmann::json& input) {
  std::vector<definition_error> errors;
  definition::scope at = definition::scope{errors}.element("input");
  if (!input.is_object() && !input.is_null()) {
    at.report("", "must be an object or null, found " + std::string{definition::type_name(input)});
    return errors;
  }
  for (const auto& var : wf.variables) {
    const nlohmann::json* value = definition::member(input, var.name);
    if (!value) {
      if (var.required) at.report(var.name, "required");
    } else if (!definition::matches_type(var.type, *value)) {
      at.report(var.name, "must be of type " + std::string{definition::to_string(var.type)} +
                              ", found " + std::string{definition::type_name(*value)});
    }
  }
  return errors;
}

nlohmann::json variable_values(const workflow& wf, const nlohmann::json& input) {
  auto values = nlohmann::json::object();
  for (const auto& var : wf.variables) {
    if (const nlohmann::json* given = definition::member(input, var.name))
      values[var.name] = *given;
    else if (var.default_value)
      values[var.name] = *var.default_value;
  }
  return values;
}

}  // namespace auraos::runtime
