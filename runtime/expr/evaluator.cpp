// The tree walk: names, fields, indexes, operators with error absorption, literals.

#include "runtime/expr/evaluator.hpp"

#include <nlohmann/json.hpp>

#include "runtime/expr/operators.hpp"
#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {
namespace {

/// A field of a map (null when absent) or of null (null); an error for other kinds.
value_result field_of(const nlohmann::json& target, const std::string& name) {
  if (target.is_null()) return nlohmann::json();
  if (!target.is_object()) return fail("no such field '" + name + "' on " + kind_name(target));
  auto it = target.find(name);
  return it == target.end() ? nlohmann::json() : *it;
}

}  // namespace

value_result evaluator::eval(const ast_node& node) {
  if (++steps_ > options_.bounds.max_steps) {
    return fail("evaluation exceeded " + std::to_string(options_.bounds.max_steps) + " steps");
  }
  switch (node.kind) {
    case node_kind::literal:
      return node.value;
    case node_kind::identifier:
      return eval_identifier(node);
    case node_kind::select:
      return eval_select(node);
    case node_kind::index:
      return eval_index(node);
    case node_kind::has:
      return eval_has(node);
    case node_kind::call:
      return eval_call(node);
    case node_kind::unary:
      return eval_unary(node);
    case node_kind::binary:
      return eval_binary(node);
    case node_kind::logical_and:
      return eval_logical(node, true);
    case node_kind::logical_or:
      return eval_logical(node, false);
    case node_kind::conditional:
      return eval_conditional(node);
    case node_kind::list:
      return eval_list(node);
    case node_kind::map:
      return eval_map(node);
  }
  return fail(std::string("unknown syntax node"));
}

value_result evaluator::eval_identifier(const ast_node& node) const {
  if (!scope_.is_object()) return nlohmann::json();
  auto it = scope_.find(node.name);
  return it == scope_.end() ? nlohmann::json() : *it;
}

value_result evaluator::eval_select(const ast_node& node) {
  auto target = eval(*node.children[0]);
  if (!target) return target;
  return field_of(target.value(), node.name);
}

value_result evaluator::eval_has(const ast_node& node) {
  auto target = eval(*node.children[0]);
  if (!target) return target;
  if (target.value().is_null()) return nlohmann::json(false);
  if (!target.value().is_object())
    return fail("has() on a field of " + std::string(kind_name(target.value())));
  return nlohmann::json(target.value().contains(node.name));
}

value_result evaluator::eval_index(const ast_node& node) {
  auto target = eval(*node.children[0]);
  if (!target) return target;
  auto key = eval(*node.children[1]);
  if (!key) return key;
  const auto& t = target.value();
  const auto& k = key.value();
  if (t.is_null() || (t.is_object() && k.is_string()))
    return field_of(t, k.is_string() ? k.get<std::string>() : "");
  if (!t.is_array() || kind_of(k) != value_kind::integer) return fail(no_overload("[]", t, k));
  auto i = as_int(k);
  if (i < 0 || static_cast<std::size_t>(i) >= t.size()) {
    return fail("index " + std::to_string(i) + " out of range (size " + std::to_string(t.size()) +
                ")");
  }
  return t[static_cast<std::size_t>(i)];
}

value_result evaluator::eval_unary(const ast_node& node) {
  auto operand = eval(*node.children[0]);
  if (!operand) return operand;
  return apply_unary(node.name, operand.value());
}

value_result evaluator::eval_binary(const ast_node& node) {
  auto left = eval(*node.children[0]);
  if (!left) return left;
  auto right = eval(*node.children[1]);
  if (!right) return right;
  return apply_binary(node.name, left.value(), right.value(), options_.bounds.max_value_size);
}

value_result evaluator::eval_logical(const ast_node& node, bool is_and) {
  // CEL: a decisive operand (false for &&, true for ||) wins over an error on the other side.
  auto left = eval(*node.children[0]);
  if (left && left.value().is_boolean() && left.value().get<bool>() != is_and) return left;
  auto right = eval(*node.children[1]);
  if (right && right.value().is_boolean() && right.value().get<bool>() != is_and) return right;
  if (!left) return left;
  if (!right) return right;
  if (!left.value().is_boolean() || !right.value().is_boolean()) {
    return fail(no_overload(node.name, left.value(), right.value()));
  }
  return nlohmann::json(is_and);
}

value_result evaluator::eval_conditional(const ast_node& node) {
  auto condition = eval(*node.children[0]);
  if (!condition) return condition;
  if (!condition.value().is_boolean()) {
    return fail("no such overload: " + std::string(kind_name(condition.value())) + " ? _ : _");
  }
  return eval(*node.children[condition.value().get<bool>() ? 1 : 2]);
}

value_result evaluator::eval_list(const ast_node& node) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& child : node.children) {
    auto item = eval(*child);
    if (!item) return item;
    out.push_back(std::move(item).value());
  }
  if (auto ok = check_size(out, options_.bounds.max_value_size); !ok)
    return fail(std::move(ok).error());
  return out;
}

value_result evaluator::eval_map(const ast_node& node) {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
    auto key = eval(*node.children[i]);
    if (!key) return key;
    if (!key.value().is_string())
      return fail("map keys must be strings, not " + std::string(kind_name(key.value())));
    auto value = eval(*node.children[i + 1]);
    if (!value) return value;
    const auto& name = key.value().get_ref<const std::string&>();
    if (out.contains(name)) return fail("repeated map key '" + name + "'");
    out[name] = std::move(value).value();
  }
  if (auto ok = check_size(out, options_.bounds.max_value_size); !ok)
    return fail(std::move(ok).error());
  return out;
}

}  // namespace auraos::runtime::expr
