#pragma once
// The value model: CEL kinds of JSON values, equality, ordering and text conversions.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/result.hpp"

namespace auraos::runtime::expr {

/// The CEL kind of a JSON value; `uint` is an unsigned JSON number above the int64 range.
enum class value_kind { null, boolean, integer, floating, string, list, map, uint };

/// The kind of `value`.
value_kind kind_of(const nlohmann::json& value);

/// CEL's name of a kind: null, bool, int, double, string, list, map, uint.
const char* kind_name(value_kind kind);

/// The kind name of `value`.
inline const char* kind_name(const nlohmann::json& value) {
  return kind_name(kind_of(value));
}

/// The value of an int-kind JSON number.
std::int64_t as_int(const nlohmann::json& value);

/// The value of an int- or double-kind JSON number, as a double.
double as_double(const nlohmann::json& value);

/// True when `value` is an int or a double.
bool is_number(const nlohmann::json& value);

/// CEL equality (numbers compare across int and double; other kinds differ); errors on uint.
result<bool, std::string> values_equal(const nlohmann::json& a, const nlohmann::json& b);

/// CEL ordering: negative, zero or positive; empty when unordered (NaN). Errors on other kinds.
result<std::optional<int>, std::string> values_compare(const nlohmann::json& a,
                                                       const nlohmann::json& b,
                                                       std::string_view op);

/// CEL's string() of a double: shortest round-trip digits.
std::string format_double(double value);

/// The number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

/// The byte offset of the first invalid UTF-8 sequence, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Compact JSON text that never throws on bad UTF-8.
std::string dump_compact(const nlohmann::json& value);

/// "no such overload: A op B" for the kinds of a and b.
std::string no_overload(std::string_view op, const nlohmann::json& a, const nlohmann::json& b);

}  // namespace auraos::runtime::expr
