#include "runtime/engine/time_text.hpp"

#include <chrono>

#include <date/date.h>
#include <fmt/format.h>

#include "runtime/rfc3339.hpp"

namespace auraos::runtime::engine {

std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text) {
  auto point = runtime::parse_rfc3339(text);
  if (!point) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::milliseconds>(point->time_since_epoch()).count();
}

std::string format_rfc3339_ms(std::int64_t ms) {
  using ms_point = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;
  return date::format("%FT%TZ", ms_point(std::chrono::milliseconds(ms)));
}

std::string format_rfc3339_seconds(std::int64_t ms) {
  return date::format(
      "%FT%TZ", date::floor<std::chrono::seconds>(std::chrono::sys_time<std::chrono::milliseconds>(
                    std::chrono::milliseconds(ms))));
}

std::string seconds_text(double seconds) {
  return fmt::format("{:g} s", seconds);
}

}  // namespace auraos::runtime::engine
