#include "runtime/rfc3339.hpp"

#include <cctype>
#include <sstream>
#include <string>

#include <date/date.h>

namespace auraos::runtime {
namespace {

using std::chrono::microseconds;

std::optional<std::chrono::sys_seconds> parse_whole_seconds(const std::string& text,
                                                            const char* format) {
  std::istringstream in{text};
  std::chrono::sys_seconds parsed;
  in >> date::parse(format, parsed);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return parsed;
}

/// Removes a ".ddd" fraction after the seconds (offset 19) and returns it in microseconds.
std::optional<microseconds> take_fraction(std::string& text) {
  if (text.size() <= 19 || text[19] != '.') return microseconds{0};
  std::size_t end = 20;
  long long micros = 0, scale = 100000;
  for (; end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]));
       ++end, scale /= 10)
    if (scale > 0) micros += (text[end] - '0') * scale;
  if (end == 20) return std::nullopt;
  text.erase(19, end - 19);
  return microseconds{micros};
}

}  // namespace

std::optional<timestamp> parse_rfc3339(std::string_view text) {
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
  std::string normal{text};
  normal[10] = 'T';
  auto fraction = take_fraction(normal);
  if (!fraction) return std::nullopt;
  bool utc = normal.back() == 'Z' || normal.back() == 'z';
  if (utc) normal.back() = 'Z';
  auto seconds = parse_whole_seconds(normal, utc ? "%FT%TZ" : "%FT%T%Ez");
  if (!seconds) return std::nullopt;
  return timestamp{*seconds} + *fraction;
}

}  // namespace auraos::runtime
