#pragma once
// Recursive-descent parser from source text to an immutable syntax tree.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/expr/ast.hpp"
#include "runtime/expr/lexer.hpp"

namespace auraos::runtime::expr {

/// Parses a whole expression; the first syntax error ends parsing.
result<node_ptr, syntax_error> parse_source(std::string_view source, const limits& bounds);

/// The parser's state: one token of lookahead and the current nesting depth.
class parser {
 public:
  /// Parses `source` within `bounds`.
  parser(std::string_view source, const limits& bounds)
      : lexer_(source), source_(source), bounds_(bounds) {}
  /// Parses the whole source as one expression.
  result<node_ptr, syntax_error> parse_all();

 private:
  using parsed = result<node_ptr, syntax_error>;
  parsed expr();
  parsed logical(int level);
  parsed relation();
  parsed addition();
  parsed multiplication();
  parsed unary();
  parsed member();
  parsed primary();
  parsed identifier_or_call(token name);
  parsed call(token name, std::vector<node_ptr> args, bool method);
  parsed has_macro(const token& name);
  parsed list_literal(const token& open);
  parsed map_literal(const token& open);
  parsed number_literal(const token& literal, bool negate, std::size_t offset);
  parsed make_literal(std::size_t offset, nlohmann::json value);
  result<std::vector<node_ptr>, syntax_error> arguments(const char* close);
  result<bool, syntax_error> advance();
  result<bool, syntax_error> expect(const char* punct);
  parsed make(node_kind kind, std::size_t offset, std::string name, std::vector<node_ptr> children,
              function_id function = function_id::size);
  failure<syntax_error> error_at(std::size_t offset, std::string message) const;
  std::string describe_current() const;

  lexer lexer_;
  std::string_view source_;
  limits bounds_;
  token current_;
  std::size_t nesting_ = 0;
};

}  // namespace auraos::runtime::expr
