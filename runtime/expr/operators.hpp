#pragma once
// Arithmetic, comparison and membership operators over values.

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/expr/evaluator.hpp"

namespace auraos::runtime::expr {

/// Applies a binary operator (+ - * / % == != < <= > >= in); `max_size` bounds + results.
value_result apply_binary(std::string_view op, const nlohmann::json& a, const nlohmann::json& b,
                          std::size_t max_size);

/// Applies + - * / % (mixed int and double promote to double); `max_size` bounds + results.
value_result arithmetic(char op, const nlohmann::json& a, const nlohmann::json& b,
                        std::size_t max_size);

/// Applies `!` or unary `-`.
value_result apply_unary(std::string_view op, const nlohmann::json& a);

/// Fails when a value holds more than `max_size` string bytes plus list and map elements, nested
/// ones included.
result<bool, std::string> check_size(const nlohmann::json& value, std::size_t max_size);

}  // namespace auraos::runtime::expr
