#pragma once
// The functions and methods the language knows, checked when an expression is parsed.

#include <cstddef>
#include <optional>
#include <string_view>

namespace auraos::runtime::expr {

/// The functions of the language.
enum class function_id {
  size,
  to_int,
  to_double,
  to_string,
  lower,
  upper,
  contains,
  starts_with,
  ends_with,
  matches,
  now
};

/// A known function: its id and how many arguments it takes (a method's receiver included).
struct function_info {
  /// Which function.
  function_id id;
  /// Number of arguments, a method's receiver counted as the first.
  std::size_t arity;
  /// True when it may also be called as a method `x.name(...)`.
  bool method;
};

/// Looks up a function by name; empty when the language has no such function.
std::optional<function_info> find_function(std::string_view name);

}  // namespace auraos::runtime::expr
