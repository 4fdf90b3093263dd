// expression: parsing entry point, syntax error formatting and evaluation entry point.

#include "runtime/expr/expression.hpp"

#include <nlohmann/json.hpp>

#include "runtime/expr/evaluator.hpp"
#include "runtime/expr/finite_json.hpp"
#include "runtime/expr/parser.hpp"
#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {

std::string syntax_error::to_string() const {
  return "position " + std::to_string(offset + 1) + ": " + message;
}

std::string syntax_error::describe() const {
  std::size_t at = std::min(offset, source.size());
  std::size_t newline = at == 0 ? std::string::npos : source.rfind('\n', at - 1);
  std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
  std::size_t line_end = source.find('\n', at);
  std::string line =
      source.substr(line_start, line_end == std::string::npos ? line_end : line_end - line_start);
  std::size_t column = utf8_length(std::string_view(source).substr(line_start, at - line_start));
  return to_string() + "\n  " + line + "\n  " + std::string(column, ' ') + "^";
}

expression::expression(std::shared_ptr<const ast_node> root,
                       std::shared_ptr<const std::string> source)
    : root_(std::move(root)), source_(std::move(source)) {}

result<expression, syntax_error> expression::parse(std::string_view source, const limits& bounds) {
  if (auto bad = first_invalid_utf8(source)) {
    return fail(syntax_error{std::string(source), *bad, "invalid UTF-8"});
  }
  auto root = parse_source(source, bounds);
  if (!root) return fail(std::move(root).error());
  return expression(std::move(root).value(), std::make_shared<const std::string>(source));
}

result<nlohmann::json, evaluation_error> expression::evaluate(
    const nlohmann::json& scope, const evaluation_options& options) const {
  evaluator run(scope, options);
  auto value = run.eval(*root_);
  if (!value) return fail(evaluation_error{"expression \"" + *source_ + "\": " + value.error()});
  return std::move(value).value();
}

result<nlohmann::json, evaluation_error> expression::evaluate_json(
    const nlohmann::json& scope, const evaluation_options& options) const {
  auto value = evaluate(scope, options);
  if (!value) return value;
  if (auto bad = first_non_finite(value.value())) {
    std::string where = bad->path.empty() ? "is " : "holds at " + bad->path + " ";
    return fail(evaluation_error{"expression \"" + *source_ + "\": the result " + where +
                                 bad->what + ", which JSON cannot carry"});
  }
  return value;
}

}  // namespace auraos::runtime::expr
