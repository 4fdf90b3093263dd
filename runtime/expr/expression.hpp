#pragma once
// The expression language: a CEL subset, parsed once and evaluated many times.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/result.hpp"

namespace auraos::runtime::expr {

/// Guard rails: no input may hang or crash the parser or the evaluator.
struct limits {
  /// Longest accepted expression source, in bytes.
  std::size_t max_length = 8192;
  /// Deepest nesting of the syntax tree (parentheses, operators, calls).
  std::size_t max_depth = 64;
  /// Most evaluation steps (nodes visited) of one evaluation.
  std::size_t max_steps = 100000;
  /// Largest string, list or map an evaluation may build, in bytes / elements.
  std::size_t max_value_size = 1 << 20;
};

/// A syntax error at a byte offset of the source.
struct syntax_error {
  /// The whole source text.
  std::string source;
  /// Byte offset (0-based) where the problem was found.
  std::size_t offset = 0;
  /// What is wrong, e.g. "expected an operand, found end of input".
  std::string message;
  /// One line: "position 4: <message>".
  std::string to_string() const;
  /// Several lines: the message, the source and a caret under the position.
  std::string describe() const;
};

/// A failed evaluation (type error, overflow, division by zero, limit reached).
struct evaluation_error {
  /// Names the expression and the problem, e.g. "'a' < 1: no such overload: string < int".
  std::string message;
};

/// Inputs of one evaluation besides the names in scope.
struct evaluation_options {
  /// What `now()` returns; the call time when absent.
  std::optional<std::chrono::system_clock::time_point> now;
  /// Guard rails.
  limits bounds;
};

struct ast_node;

/// A parsed expression: immutable, cheap to copy, safe to evaluate from many threads.
class expression {
 public:
  /// Parses `source`; a syntax error names the position.
  static result<expression, syntax_error> parse(std::string_view source, const limits& bounds = {});

  /// Evaluates against `scope`, a JSON object whose top-level keys are the names in scope.
  result<nlohmann::json, evaluation_error> evaluate(const nlohmann::json& scope,
                                                    const evaluation_options& options = {}) const;

  /// Evaluates like `evaluate`, for a result that leaves the language as JSON: a result that
  /// is or holds infinity or NaN (`1.0/0.0`, `1e400`) is an evaluation error naming the
  /// expression, since JSON cannot carry it.
  result<nlohmann::json, evaluation_error> evaluate_json(
      const nlohmann::json& scope, const evaluation_options& options = {}) const;

  /// The source text it was parsed from.
  const std::string& source() const { return *source_; }

 private:
  expression(std::shared_ptr<const ast_node> root, std::shared_ptr<const std::string> source);
  std::shared_ptr<const ast_node> root_;
  std::shared_ptr<const std::string> source_;
};

}  // namespace auraos::runtime::expr
