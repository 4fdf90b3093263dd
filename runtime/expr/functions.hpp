#pragma once
// The built-in functions: size, conversions, string tests, matches and now.

#include <vector>

#include "runtime/expr/evaluator.hpp"
#include "runtime/expr/function_table.hpp"

namespace auraos::runtime::expr {

/// Calls function `id` with evaluated arguments (a method's receiver first).
value_result call_function(function_id id, const std::vector<nlohmann::json>& args,
                           const evaluation_options& options);

/// size(): code points of a string, elements of a list or map.
value_result size_of(const nlohmann::json& value);
/// int(): from int, double (truncated, range-checked) or a decimal string.
value_result to_int(const nlohmann::json& value);
/// double(): from int, double or a numeric string.
value_result to_double(const nlohmann::json& value);
/// string(): from string, int, double, bool.
value_result to_string(const nlohmann::json& value);
/// matches(): RE2 partial match of `text` against `pattern`.
value_result regex_matches(const nlohmann::json& text, const nlohmann::json& pattern);
/// now(): RFC 3339 UTC text of the evaluation time.
value_result now_text(const evaluation_options& options);

}  // namespace auraos::runtime::expr
