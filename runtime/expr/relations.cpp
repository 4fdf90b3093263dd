// Comparison and membership operators, and the dispatch of every binary operator.

#include <nlohmann/json.hpp>

#include "runtime/expr/operators.hpp"
#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {

namespace {

value_result membership(const nlohmann::json& element, const nlohmann::json& container) {
  if (container.is_object()) {
    if (element.is_null() || element.is_array() || element.is_object()) {
      return fail(no_overload("in", element, container));
    }
    if (!element.is_string()) return nlohmann::json(false);
    return nlohmann::json(container.contains(element.get_ref<const std::string&>()));
  }
  if (!container.is_array()) return fail(no_overload("in", element, container));
  for (const auto& item : container) {
    auto same = values_equal(element, item);
    if (!same) return fail(std::move(same).error());
    if (same.value()) return nlohmann::json(true);
  }
  return nlohmann::json(false);
}

value_result ordering(std::string_view op, const nlohmann::json& a, const nlohmann::json& b) {
  auto order = values_compare(a, b, op);
  if (!order) return fail(std::move(order).error());
  if (!order.value()) return nlohmann::json(false);
  int o = *order.value();
  bool holds = op == "<" ? o < 0 : op == "<=" ? o <= 0 : op == ">" ? o > 0 : o >= 0;
  return nlohmann::json(holds);
}

}  // namespace

value_result apply_binary(std::string_view op, const nlohmann::json& a, const nlohmann::json& b,
                          std::size_t max_size) {
  if (op == "==" || op == "!=") {
    auto same = values_equal(a, b);
    if (!same) return fail(std::move(same).error());
    return nlohmann::json(same.value() == (op == "=="));
  }
  if (op == "in") return membership(a, b);
  if (op.size() == 1 && std::string_view("+-*/%").find(op[0]) != std::string_view::npos) {
    return arithmetic(op[0], a, b, max_size);
  }
  return ordering(op, a, b);
}

}  // namespace auraos::runtime::expr
