#include "runtime/engine/time_text.hpp"

#include <chrono>
#include <sstream>

#include <date/date.h>

namespace auraos::engine {
namespace {

using ms_point = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

std::optional<std::int64_t> parse_with(std::string_view text, const char* format) {
  std::istringstream in{std::string(text)};
  ms_point point;
  in >> date::parse(format, point);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return point.time_since_epoch().count();
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text) {
  if (auto ms = parse_with(text, "%FT%TZ")) return ms;
  if (auto ms = parse_with(text, "%FT%Tz")) return ms;
  return parse_with(text, "%FT%T%Ez");
}

std::string format_rfc3339_ms(std::int64_t ms) {
  return date::format("%FT%TZ", ms_point(std::chrono::milliseconds(ms)));
}

}  // namespace auraos::engine
