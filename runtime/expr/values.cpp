// Kinds of values, equality and ordering across int and double, text helpers.

#include "runtime/expr/values.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>

namespace auraos::runtime::expr {
namespace {

/// ECMAScript's Number::toString layout of digits d1..dk times 10^(n-k).
std::string shortest_decimal(const std::string& digits, int n) {
  int k = static_cast<int>(digits.size());
  if (k <= n && n <= 21) return digits + std::string(static_cast<std::size_t>(n - k), '0');
  if (0 < n && n <= 21)
    return digits.substr(0, static_cast<std::size_t>(n)) + "." +
           digits.substr(static_cast<std::size_t>(n));
  if (-6 < n && n <= 0) return "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  std::string mantissa = k == 1 ? digits : digits.substr(0, 1) + "." + digits.substr(1);
  return mantissa + "e" + (n - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(n - 1));
}

}  // namespace

value_kind kind_of(const nlohmann::json& value) {
  using t = nlohmann::json::value_t;
  switch (value.type()) {
    case t::boolean:
      return value_kind::boolean;
    case t::number_integer:
      return value_kind::integer;
    case t::number_unsigned:
      return value.get<std::uint64_t>() <=
                     static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                 ? value_kind::integer
                 : value_kind::uint;
    case t::number_float:
      return value_kind::floating;
    case t::string:
      return value_kind::string;
    case t::array:
      return value_kind::list;
    case t::object:
      return value_kind::map;
    default:
      return value_kind::null;
  }
}

const char* kind_name(value_kind kind) {
  switch (kind) {
    case value_kind::null:
      return "null";
    case value_kind::boolean:
      return "bool";
    case value_kind::integer:
      return "int";
    case value_kind::floating:
      return "double";
    case value_kind::string:
      return "string";
    case value_kind::list:
      return "list";
    case value_kind::map:
      return "map";
    default:
      return "uint";
  }
}

std::int64_t as_int(const nlohmann::json& value) {
  return value.is_number_unsigned() ? static_cast<std::int64_t>(value.get<std::uint64_t>())
                                    : value.get<std::int64_t>();
}

double as_double(const nlohmann::json& value) {
  return value.is_number_float() ? value.get<double>() : static_cast<double>(as_int(value));
}

bool is_number(const nlohmann::json& value) {
  auto kind = kind_of(value);
  return kind == value_kind::integer || kind == value_kind::floating;
}

std::string no_overload(std::string_view op, const nlohmann::json& a, const nlohmann::json& b) {
  return "no such overload: " + std::string(kind_name(a)) + " " + std::string(op) + " " +
         kind_name(b);
}

std::string format_double(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return "0";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                                 std::chars_format::scientific);
  (void)ec;
  std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  std::size_t e = text.find('e');
  std::string digits(text.substr(0, e));
  if (digits.size() > 1) digits.erase(1, 1);  // the decimal point
  int n = std::stoi(std::string(text.substr(e + 1))) + 1;
  return (value < 0 ? "-" : "") + shortest_decimal(digits, n);
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = c < 0x80           ? 0
                        : (c >> 5) == 0x6  ? 1
                        : (c >> 4) == 0xE  ? 2
                        : (c >> 3) == 0x1E ? 3
                                           : 9;
    if (extra == 9 || (extra > 0 && i + extra >= text.size())) return i;
    std::uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
    if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return std::nullopt;
}

std::string dump_compact(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace auraos::runtime::expr
