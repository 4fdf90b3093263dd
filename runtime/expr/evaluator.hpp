#pragma once
// Walks a syntax tree against a scope, with error values and CEL's error absorption.

#include <cstddef>
#include <string>

#include "runtime/expr/ast.hpp"
#include "runtime/expr/expression.hpp"

namespace auraos::runtime::expr {

/// A value or the bare reason an evaluation failed (the caller adds the expression).
using value_result = result<nlohmann::json, std::string>;

/// One evaluation: the scope, the options and the steps taken so far.
class evaluator {
 public:
  /// Evaluates against `scope` (a JSON object) with `options`.
  evaluator(const nlohmann::json& scope, const evaluation_options& options)
      : scope_(scope), options_(options) {}
  /// Evaluates `node`.
  value_result eval(const ast_node& node);

 private:
  value_result eval_identifier(const ast_node& node) const;
  value_result eval_select(const ast_node& node);
  value_result eval_index(const ast_node& node);
  value_result eval_has(const ast_node& node);
  value_result eval_call(const ast_node& node);
  value_result eval_unary(const ast_node& node);
  value_result eval_binary(const ast_node& node);
  value_result eval_logical(const ast_node& node, bool is_and);
  value_result eval_conditional(const ast_node& node);
  value_result eval_list(const ast_node& node);
  value_result eval_map(const ast_node& node);

  const nlohmann::json& scope_;
  const evaluation_options& options_;
  std::size_t steps_ = 0;
};

}  // namespace auraos::runtime::expr
