// The parser's operands: literals, names, calls, has(), lists, maps, field and index access.

#include <cstdint>
#include <limits>

#include "runtime/expr/parser.hpp"

namespace auraos::runtime::expr {

parser::parsed parser::member() {
  auto target = primary();
  while (target && (current_.is(".") || current_.is("["))) {
    token op = current_;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
    if (op.text == "[") {
      auto key = expr();
      if (!key) return key;
      if (auto ok = expect("]"); !ok) return fail(std::move(ok).error());
      target = make(node_kind::index, op.offset, "[]", {target.value(), key.value()});
      continue;
    }
    if (current_.kind != token_kind::identifier) {
      return error_at(current_.offset,
                      "expected a field name after '.', found " + describe_current());
    }
    token field = current_;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
    if (current_.is("(")) {
      target = call(field, {target.value()}, true);
    } else {
      target = make(node_kind::select, field.offset, field.text, {target.value()});
    }
  }
  return target;
}

parser::parsed parser::primary() {
  token t = current_;
  bool is_operand = t.kind != token_kind::end && t.kind != token_kind::punct;
  if (is_operand || t.is("(") || t.is("[") || t.is("{")) {
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
  }
  switch (t.kind) {
    case token_kind::int_literal:
    case token_kind::double_literal:
      return number_literal(t, false, t.offset);
    case token_kind::string_literal: {
      return make_literal(t.offset, t.text);
    }
    case token_kind::identifier:
      return identifier_or_call(t);
    default:
      break;
  }
  if (t.is("(")) {
    auto inner = expr();
    if (!inner) return inner;
    if (auto ok = expect(")"); !ok) return fail(std::move(ok).error());
    return inner;
  }
  if (t.is("[")) return list_literal(t);
  if (t.is("{")) return map_literal(t);
  return error_at(t.offset, "expected an operand, found " + describe_current());
}

parser::parsed parser::identifier_or_call(token name) {
  if (!current_.is("(")) {
    if (name.text == "true" || name.text == "false" || name.text == "null") {
      auto value = name.text == "null" ? nlohmann::json() : nlohmann::json(name.text == "true");
      return make_literal(name.offset, std::move(value));
    }
    if (name.text == "in") return error_at(name.offset, "expected an operand, found 'in'");
    return make(node_kind::identifier, name.offset, name.text, {});
  }
  if (name.text == "has") return has_macro(name);
  return call(std::move(name), {}, false);
}

parser::parsed parser::call(token name, std::vector<node_ptr> args, bool method) {
  auto rest = arguments(")");
  if (!rest) return fail(std::move(rest).error());
  for (auto& arg : rest.value()) args.push_back(std::move(arg));
  auto info = find_function(name.text);
  if (!info || (method && !info->method)) {
    return error_at(name.offset, std::string("unknown ") + (method ? "method '" : "function '") +
                                     name.text + "'");
  }
  if (args.size() != info->arity) {
    std::size_t expected = method ? info->arity - 1 : info->arity;
    return error_at(name.offset, "'" + name.text + "' takes " + std::to_string(expected) +
                                     " argument" + (expected == 1 ? "" : "s"));
  }
  return make(node_kind::call, name.offset, name.text, std::move(args), info->id);
}

parser::parsed parser::has_macro(const token& name) {
  auto args = arguments(")");
  if (!args) return fail(std::move(args).error());
  if (args.value().size() != 1 || args.value()[0]->kind != node_kind::select) {
    return error_at(name.offset, "has() takes one field selection, like has(a.b)");
  }
  const auto& selection = args.value()[0];
  return make(node_kind::has, name.offset, selection->name, selection->children);
}

result<std::vector<node_ptr>, syntax_error> parser::arguments(const char* close) {
  if (auto ok = advance(); !ok) return fail(std::move(ok).error());  // the opening bracket
  std::vector<node_ptr> items;
  while (!current_.is(close)) {
    auto item = expr();
    if (!item) return fail(std::move(item).error());
    items.push_back(std::move(item).value());
    if (current_.is(",")) {
      if (auto ok = advance(); !ok) return fail(std::move(ok).error());
      continue;
    }
    if (!current_.is(close)) {
      return error_at(current_.offset,
                      std::string("expected ',' or '") + close + "', found " + describe_current());
    }
  }
  if (auto ok = advance(); !ok) return fail(std::move(ok).error());
  return items;
}

parser::parsed parser::list_literal(const token& open) {
  std::vector<node_ptr> items;
  while (!current_.is("]")) {
    auto item = expr();
    if (!item) return item;
    items.push_back(std::move(item).value());
    if (!current_.is(",")) break;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
  }
  if (auto ok = expect("]"); !ok) return fail(std::move(ok).error());
  return make(node_kind::list, open.offset, "[]", std::move(items));
}

parser::parsed parser::map_literal(const token& open) {
  std::vector<node_ptr> items;
  while (!current_.is("}")) {
    auto key = expr();
    if (!key) return key;
    const auto& k = *key.value();
    if (k.kind == node_kind::literal && !k.value.is_string()) {
      return error_at(k.offset, "map keys must be strings");
    }
    if (auto ok = expect(":"); !ok) return fail(std::move(ok).error());
    auto value = expr();
    if (!value) return value;
    items.push_back(std::move(key).value());
    items.push_back(std::move(value).value());
    if (!current_.is(",")) break;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
  }
  if (auto ok = expect("}"); !ok) return fail(std::move(ok).error());
  return make(node_kind::map, open.offset, "{}", std::move(items));
}

parser::parsed parser::number_literal(const token& literal, bool negate, std::size_t offset) {
  nlohmann::json value;
  if (literal.kind == token_kind::double_literal) {
    value = negate ? -literal.double_value : literal.double_value;
  } else {
    constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (literal.int_value > max + (negate ? 1 : 0))
      return error_at(literal.offset, "integer literal out of range");
    value = negate ? static_cast<std::int64_t>(0 - literal.int_value)
                   : static_cast<std::int64_t>(literal.int_value);
  }
  return make_literal(offset, std::move(value));
}

parser::parsed parser::make_literal(std::size_t offset, nlohmann::json value) {
  auto node = std::make_shared<ast_node>();
  node->offset = offset;
  node->value = std::move(value);
  return node_ptr(std::move(node));
}

}  // namespace auraos::runtime::expr
