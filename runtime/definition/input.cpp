// An execution's input against the workflow's variables.

#include <cstdint>

#include <nlohmann/json.hpp>

#include "runtime/definition/fields.hpp"
#include "runtime/definition/parse.hpp"
#include "runtime/definition/scope.hpp"
#include "runtime/definition/variable_types.hpp"

namespace auraos::runtime::definition {
namespace {

/// Reports every integer above the signed 64-bit range below `path` (the expression
/// language's integers are signed 64-bit; such a value would be unusable in expressions).
void report_unsigned_overflow(const definition::scope& at, const std::string& path,
                              const nlohmann::json& value) {
  if (value.is_number_unsigned() &&
      value.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    at.report(path, "integer " + value.dump() +
                        " is outside the 64-bit range of integers (-9223372036854775808 to "
                        "9223372036854775807); pass it as a string or a decimal number");
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      report_unsigned_overflow(at, path + "[" + std::to_string(i) + "]", value[i]);
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it)
      report_unsigned_overflow(at, definition::join_path(path, it.key()), it.value());
  }
}

}  // namespace

std::vector<definition_error> check_input(const workflow& wf, const nlohmann::json& input) {
  std::vector<definition_error> errors;
  definition::scope at = definition::scope{errors}.element("input");
  if (!input.is_object() && !input.is_null()) {
    at.report("", "must be an object or null, found " + std::string{definition::type_name(input)});
    return errors;
  }
  report_unsigned_overflow(at, "", input);
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

}  // namespace auraos::runtime::definition
