// first_non_finite: a depth-first walk for doubles that JSON text cannot carry.

#include "runtime/expr/finite_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {
namespace {

std::string describe(double value) {
  if (std::isnan(value)) return "NaN";
  return value > 0 ? "+infinity" : "-infinity";
}

std::optional<non_finite_value> find_in(const nlohmann::json& value, const std::string& path) {
  if (value.is_number_float() && !std::isfinite(value.get<double>()))
    return non_finite_value{describe(value.get<double>()), path};
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      if (auto found = find_in(value[i], path + "[" + std::to_string(i) + "]")) return found;
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it)
      if (auto found = find_in(it.value(), path + "[" + dump_compact(it.key()) + "]")) return found;
  }
  return std::nullopt;
}

}  // namespace

std::optional<non_finite_value> first_non_finite(const nlohmann::json& value) {
  return find_in(value, "");
}

}  // namespace auraos::runtime::expr
