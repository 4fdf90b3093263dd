// The parser's operator levels: ternary, ||, &&, relations, + -, * / %, unary, member access.

#include "runtime/expr/parser.hpp"

#include <algorithm>
#include <array>

namespace auraos::runtime::expr {
namespace {

/// Counts one level of recursion for as long as it lives.
class nesting_guard {
 public:
  explicit nesting_guard(std::size_t& nesting) : nesting_(nesting) { ++nesting_; }
  ~nesting_guard() { --nesting_; }
  nesting_guard(const nesting_guard&) = delete;
  nesting_guard& operator=(const nesting_guard&) = delete;

 private:
  std::size_t& nesting_;
};

bool is_relation(const token& t) {
  static constexpr std::array<const char*, 6> ops{"==", "!=", "<", "<=", ">", ">="};
  if (t.kind == token_kind::identifier) return t.text == "in";
  return std::any_of(ops.begin(), ops.end(), [&](const char* op) { return t.is(op); });
}

}  // namespace

result<node_ptr, syntax_error> parse_source(std::string_view source, const limits& bounds) {
  if (source.size() > bounds.max_length) {
    return fail(
        syntax_error{std::string(source), bounds.max_length,
                     "expression longer than " + std::to_string(bounds.max_length) + " bytes"});
  }
  return parser(source, bounds).parse_all();
}

failure<syntax_error> parser::error_at(std::size_t offset, std::string message) const {
  return fail(syntax_error{std::string(source_), offset, std::move(message)});
}

std::string parser::describe_current() const {
  switch (current_.kind) {
    case token_kind::end:
      return "end of input";
    case token_kind::identifier:
      return "'" + current_.text + "'";
    case token_kind::string_literal:
      return "a string literal";
    case token_kind::punct:
      return "'" + current_.text + "'";
    default:
      return "number " +
             std::string(source_.substr(current_.offset, lexer_.position() - current_.offset));
  }
}

result<bool, syntax_error> parser::advance() {
  auto next = lexer_.next();
  if (!next) return fail(std::move(next).error());
  current_ = std::move(next).value();
  return true;
}

result<bool, syntax_error> parser::expect(const char* punct) {
  if (!current_.is(punct)) {
    return error_at(current_.offset,
                    std::string("expected '") + punct + "', found " + describe_current());
  }
  return advance();
}

parser::parsed parser::make(node_kind kind, std::size_t offset, std::string name,
                            std::vector<node_ptr> children, function_id function) {
  auto node = std::make_shared<ast_node>();
  node->kind = kind;
  node->function = function;
  node->offset = offset;
  node->name = std::move(name);
  for (const auto& child : children) node->depth = std::max(node->depth, child->depth + 1);
  node->children = std::move(children);
  if (node->depth > bounds_.max_depth) {
    return error_at(
        offset, "expression nested deeper than " + std::to_string(bounds_.max_depth) + " levels");
  }
  return node_ptr(std::move(node));
}

result<node_ptr, syntax_error> parser::parse_all() {
  if (auto ok = advance(); !ok) return fail(std::move(ok).error());
  auto root = expr();
  if (!root) return root;
  if (current_.kind != token_kind::end) {
    return error_at(current_.offset, "expected end of input, found " + describe_current());
  }
  return root;
}

parser::parsed parser::expr() {
  nesting_guard guard(nesting_);
  if (nesting_ > bounds_.max_depth) {
    return error_at(current_.offset, "expression nested deeper than " +
                                         std::to_string(bounds_.max_depth) + " levels");
  }
  auto condition = logical(0);
  if (!condition || !current_.is("?")) return condition;
  std::size_t offset = current_.offset;
  if (auto ok = advance(); !ok) return fail(std::move(ok).error());
  auto then_branch = logical(0);
  if (!then_branch) return then_branch;
  if (auto ok = expect(":"); !ok) return fail(std::move(ok).error());
  auto else_branch = expr();
  if (!else_branch) return else_branch;
  return make(node_kind::conditional, offset,
              "?:", {condition.value(), then_branch.value(), else_branch.value()});
}

parser::parsed parser::logical(int level) {
  const char* op = level == 0 ? "||" : "&&";
  auto left = level == 0 ? logical(1) : relation();
  while (left && current_.is(op)) {
    std::size_t offset = current_.offset;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
    auto right = level == 0 ? logical(1) : relation();
    if (!right) return right;
    auto kind = level == 0 ? node_kind::logical_or : node_kind::logical_and;
    left = make(kind, offset, op, {left.value(), right.value()});
  }
  return left;
}

parser::parsed parser::relation() {
  auto left = addition();
  while (left && is_relation(current_)) {
    token op = current_;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
    auto right = addition();
    if (!right) return right;
    left = make(node_kind::binary, op.offset, op.text, {left.value(), right.value()});
  }
  return left;
}

parser::parsed parser::addition() {
  auto left = multiplication();
  while (left && (current_.is("+") || current_.is("-"))) {
    token op = current_;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
    auto right = multiplication();
    if (!right) return right;
    left = make(node_kind::binary, op.offset, op.text, {left.value(), right.value()});
  }
  return left;
}

parser::parsed parser::multiplication() {
  auto left = unary();
  while (left && (current_.is("*") || current_.is("/") || current_.is("%"))) {
    token op = current_;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
    auto right = unary();
    if (!right) return right;
    left = make(node_kind::binary, op.offset, op.text, {left.value(), right.value()});
  }
  return left;
}

parser::parsed parser::unary() {
  if (!current_.is("!") && !current_.is("-")) return member();
  token op = current_;
  if (auto ok = advance(); !ok) return fail(std::move(ok).error());
  bool literal_follows =
      current_.kind == token_kind::int_literal || current_.kind == token_kind::double_literal;
  if (op.text == "-" && literal_follows) {
    token literal = current_;
    if (auto ok = advance(); !ok) return fail(std::move(ok).error());
    if (!current_.is(".") && !current_.is("[")) return number_literal(literal, true, op.offset);
    return error_at(current_.offset, "member access on a negated number needs parentheses");
  }
  nesting_guard guard(nesting_);
  if (nesting_ > bounds_.max_depth) {
    return error_at(op.offset, "expression nested deeper than " +
                                   std::to_string(bounds_.max_depth) + " levels");
  }
  auto operand = unary();
  if (!operand) return operand;
  return make(node_kind::unary, op.offset, op.text, {operand.value()});
}

}  // namespace auraos::runtime::expr
