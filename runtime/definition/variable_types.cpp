#include "runtime/definition/variable_types.hpp"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

namespace auraos::runtime::definition {
namespace {

constexpr std::array<std::pair<variable_type, std::string_view>, 6> spellings{{
    {variable_type::string, "string"},
    {variable_type::number, "number"},
    {variable_type::boolean, "boolean"},
    {variable_type::object, "object"},
    {variable_type::array, "array"},
    {variable_type::any, "any"},
}};

}  // namespace

variable_type parse_variable_type(std::string_view name) {
  for (const auto& [type, spelling] : spellings)
    if (spelling == name) return type;
  return variable_type::any;
}

std::string_view to_string(variable_type type) {
  for (const auto& [candidate, spelling] : spellings)
    if (candidate == type) return spelling;
  return "any";
}

bool matches_type(variable_type type, const nlohmann::json& value) {
  switch (type) {
    case variable_type::string:
      return value.is_string();
    case variable_type::number:
      return value.is_number();
    case variable_type::boolean:
      return value.is_boolean();
    case variable_type::object:
      return value.is_object();
    case variable_type::array:
      return value.is_array();
    case variable_type::any:
      return true;
  }
  return false;
}

}  // namespace auraos::runtime::definition
