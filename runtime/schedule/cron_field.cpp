#include "runtime/schedule/cron_field.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string>

namespace auraos::runtime::schedule {
namespace {

struct field_limits {
  unsigned low;
  unsigned high;
};

/// The decimal value of `token`, nullopt when it holds a non-digit (large values saturate).
std::optional<unsigned> decimal(std::string_view token) {
  unsigned number = 0;
  for (char c : token) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    number = number > 100000 ? number : number * 10 + static_cast<unsigned>(c - '0');
  }
  return number;
}

constexpr std::array<std::string_view, 12> month_names{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> day_names{"SUN", "MON", "TUE", "WED",
                                                    "THU", "FRI", "SAT"};

field_limits limits(cron_field_kind kind) {
  switch (kind) {
    case cron_field_kind::second:
    case cron_field_kind::minute:
      return {0, 59};
    case cron_field_kind::hour:
      return {0, 23};
    case cron_field_kind::day_of_month:
      return {1, 31};
    case cron_field_kind::month:
      return {1, 12};
    case cron_field_kind::day_of_week:
      return {0, 7};
  }
  return {0, 0};
}

/// Parses a field's items; offsets inside the field are added to its position in messages.
class field_reader {
 public:
  explicit field_reader(const cron_field_place& place)
      : place_(place), limits_(limits(place.kind)) {}

  cron_error error(std::size_t offset, std::string message) const {
    return {place_.position + offset, "field " + std::to_string(place_.number) + " (" +
                                          std::string{field_name(place_.kind)} +
                                          "): " + std::move(message)};
  }

  /// A number or a name starting at `offset` of the field.
  result<unsigned, cron_error> value(std::string_view token, std::size_t offset) const {
    if (token.empty()) return fail(error(offset, "expected a value"));
    if (std::isalpha(static_cast<unsigned char>(token.front()))) return name(token, offset);
    auto number = decimal(token);
    if (!number) return fail(error(offset, "'" + std::string{token} + "' is not a number"));
    if (*number < limits_.low || *number > limits_.high)
      return fail(error(offset, std::string{token} + " is out of range " +
                                    std::to_string(limits_.low) + "-" +
                                    std::to_string(limits_.high)));
    return *number;
  }

  /// One list item: `*`, a value or a range, optionally followed by `/step`.
  result<std::uint64_t, cron_error> item(std::string_view text, std::size_t offset) const {
    if (text.empty()) return fail(error(offset, "empty list item"));
    auto slash = text.find('/');
    std::string_view base = text.substr(0, slash);
    unsigned low = limits_.low, high = limits_.high, step = 1;
    if (base != "*") {
      auto dash = base.find('-');
      auto first = value(base.substr(0, dash), offset);
      if (!first) return fail(std::move(first).error());
      low = high = *first;
      if (dash != std::string_view::npos) {
        auto last = value(base.substr(dash + 1), offset + dash + 1);
        if (!last) return fail(std::move(last).error());
        if (*last < low)
          return fail(error(offset, "range " + std::string{base} + " goes backwards"));
        high = *last;
      } else if (slash != std::string_view::npos) {
        high = limits_.high;  // "5/10": from 5 to the end in steps of 10
      }
    }
    if (slash != std::string_view::npos) {
      auto step_text = text.substr(slash + 1);
      std::size_t at = offset + slash + 1;
      if (step_text.empty() || !std::isdigit(static_cast<unsigned char>(step_text.front())))
        return fail(error(at, "expected a step number after '/'"));
      auto parsed = decimal(step_text);
      if (!parsed) return fail(error(at, "'" + std::string{step_text} + "' is not a number"));
      if (*parsed == 0) return fail(error(at, "step 0 must be at least 1"));
      step = *parsed;
    }
    std::uint64_t bits = 0;
    for (unsigned v = low; v <= high; v += step) bits |= std::uint64_t{1} << v;
    return bits;
  }

 private:
  result<unsigned, cron_error> name(std::string_view token, std::size_t offset) const {
    std::string upper;
    for (char c : token) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (place_.kind == cron_field_kind::month) {
      for (std::size_t i = 0; i < month_names.size(); ++i)
        if (upper == month_names[i]) return static_cast<unsigned>(i + 1);
      return fail(error(offset, "unknown month name '" + std::string{token} + "' (JAN-DEC)"));
    }
    if (place_.kind == cron_field_kind::day_of_week) {
      for (std::size_t i = 0; i < day_names.size(); ++i)
        if (upper == day_names[i]) return static_cast<unsigned>(i);
      return fail(error(offset, "unknown day name '" + std::string{token} + "' (SUN-SAT)"));
    }
    return fail(error(offset, "'" + std::string{token} + "' is not a number"));
  }

  cron_field_place place_;
  field_limits limits_;
};

}  // namespace

std::string_view field_name(cron_field_kind kind) {
  switch (kind) {
    case cron_field_kind::second:
      return "second";
    case cron_field_kind::minute:
      return "minute";
    case cron_field_kind::hour:
      return "hour";
    case cron_field_kind::day_of_month:
      return "day-of-month";
    case cron_field_kind::month:
      return "month";
    case cron_field_kind::day_of_week:
      return "day-of-week";
  }
  return "field";
}

result<std::uint64_t, cron_error> parse_cron_field(std::string_view text,
                                                   const cron_field_place& place) {
  field_reader reader{place};
  std::uint64_t bits = 0;
  std::size_t start = 0;
  while (true) {
    auto comma = text.find(',', start);
    auto item = reader.item(text.substr(start, comma - start), start);
    if (!item) return fail(std::move(item).error());
    bits |= *item;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (place.kind == cron_field_kind::day_of_week && (bits >> 7 & 1))
    bits = (bits | 1) & ~(std::uint64_t{1} << 7);
  return bits;
}

}  // namespace auraos::runtime::schedule
