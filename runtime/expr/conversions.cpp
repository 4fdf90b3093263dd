// Conversions int(), double(), string(), and now().

#include <charconv>
#include <chrono>
#include <cmath>

#include <date/date.h>

#include <nlohmann/json.hpp>

#include "runtime/expr/functions.hpp"
#include "runtime/expr/values.hpp"

namespace auraos::runtime::expr {

value_result to_int(const nlohmann::json& value) {
  auto kind = kind_of(value);
  if (kind == value_kind::integer) return nlohmann::json(as_int(value));
  if (kind == value_kind::floating) {
    double d = std::trunc(value.get<double>());
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
      return fail(std::string("int() out of range"));
    return nlohmann::json(static_cast<std::int64_t>(d));
  }
  if (kind != value_kind::string)
    return fail("no such overload: int(" + std::string(kind_name(kind)) + ")");
  const auto& text = value.get_ref<const std::string&>();
  std::int64_t out = 0;
  const char* first = text.data() + (text.starts_with('+') ? 1 : 0);
  auto [end, ec] = std::from_chars(first, text.data() + text.size(), out);
  if (ec != std::errc() || end != text.data() + text.size() || first == end) {
    return fail("int() cannot convert '" + text + "'");
  }
  return nlohmann::json(out);
}

value_result to_double(const nlohmann::json& value) {
  auto kind = kind_of(value);
  if (kind == value_kind::integer || kind == value_kind::floating)
    return nlohmann::json(as_double(value));
  if (kind != value_kind::string)
    return fail("no such overload: double(" + std::string(kind_name(kind)) + ")");
  const auto& text = value.get_ref<const std::string&>();
  double out = 0;
  const char* first = text.data() + (text.starts_with('+') ? 1 : 0);
  auto [end, ec] = std::from_chars(first, text.data() + text.size(), out);
  if (ec == std::errc::result_out_of_range) return fail("double() out of range: '" + text + "'");
  if (ec != std::errc() || end != text.data() + text.size() || first == end) {
    return fail("double() cannot convert '" + text + "'");
  }
  return nlohmann::json(out);
}

value_result to_string(const nlohmann::json& value) {
  switch (kind_of(value)) {
    case value_kind::string:
      return value;
    case value_kind::integer:
      return nlohmann::json(std::to_string(as_int(value)));
    case value_kind::floating:
      return nlohmann::json(format_double(value.get<double>()));
    case value_kind::boolean:
      return nlohmann::json(value.get<bool>() ? "true" : "false");
    default:
      return fail("no such overload: string(" + std::string(kind_name(value)) + ")");
  }
}

value_result now_text(const evaluation_options& options) {
  using namespace std::chrono;
  auto now = options.now.value_or(system_clock::now());
  auto micros = floor<microseconds>(now);
  auto seconds_part = floor<seconds>(micros);
  std::string text = date::format("%Y-%m-%dT%H:%M:%S", seconds_part);
  auto fraction = (micros - seconds_part).count();
  if (fraction != 0) {
    std::string digits = std::to_string(1000000 + fraction).substr(1);
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return nlohmann::json(text + "Z");
}

}  // namespace auraos::runtime::expr
