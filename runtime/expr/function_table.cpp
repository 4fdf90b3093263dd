// The table of known functions and their arities.

#include "runtime/expr/function_table.hpp"

#include <array>
#include <utility>

namespace auraos::runtime::expr {

std::optional<function_info> find_function(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, function_info>, 11> table{{
      {"size", {function_id::size, 1, true}},
      {"int", {function_id::to_int, 1, false}},
      {"double", {function_id::to_double, 1, false}},
      {"string", {function_id::to_string, 1, false}},
      {"lower", {function_id::lower, 1, true}},
      {"upper", {function_id::upper, 1, true}},
      {"contains", {function_id::contains, 2, true}},
      {"startsWith", {function_id::starts_with, 2, true}},
      {"endsWith", {function_id::ends_with, 2, true}},
      {"matches", {function_id::matches, 2, true}},
      {"now", {function_id::now, 0, false}},
  }};
  for (const auto& [known, info] : table) {
    if (known == name) return info;
  }
  return std::nullopt;
}

}  // namespace auraos::runtime::expr
