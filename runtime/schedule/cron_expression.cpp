#include "runtime/schedule/cron_expression.hpp"

#include <array>
#include <cctype>
#include <vector>

#include "runtime/schedule/cron_field.hpp"

namespace auraos::runtime::schedule {
namespace {

struct word {
  std::string_view text;
  std::size_t position;  // 1-based
};

std::vector<word> split_words(std::string_view text) {
  std::vector<word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    words.push_back({text.substr(start, i - start), start + 1});
  }
  return words;
}

struct macro {
  std::string_view name;
  std::string_view expansion;
};

constexpr std::array<macro, 7> macros{{{"@yearly", "0 0 1 1 *"},
                                       {"@annually", "0 0 1 1 *"},
                                       {"@monthly", "0 0 1 * *"},
                                       {"@weekly", "0 0 * * 0"},
                                       {"@daily", "0 0 * * *"},
                                       {"@midnight", "0 0 * * *"},
                                       {"@hourly", "0 * * * *"}}};

result<std::string_view, cron_error> expand_macro(const std::vector<word>& words) {
  std::string lower;
  for (char c : words[0].text)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& m : macros)
    if (lower == m.name) {
      if (words.size() > 1)
        return fail(cron_error{words[1].position, "nothing may follow " + std::string{m.name}});
      return m.expansion;
    }
  return fail(cron_error{words[0].position,
                         "unknown macro '" + std::string{words[0].text} +
                             "' (@yearly, @annually, @monthly, @weekly, @daily, @midnight, "
                             "@hourly)"});
}

constexpr std::array<unsigned, 13> longest_month{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/// With only day-of-month restricting the days, some month given must have one of its days.
bool some_day_exists(const cron_expression& expr) {
  if (!expr.day_of_month_restricted || expr.day_of_week_restricted) return true;
  for (unsigned month = 1; month <= 12; ++month)
    if ((expr.months >> month & 1) &&
        (expr.days_of_month & ((std::uint64_t{2} << longest_month[month]) - 2)) != 0)
      return true;
  return false;
}

result<cron_expression, cron_error> parse_fields(const std::vector<word>& words) {
  if (words.size() != 5 && words.size() != 6) {
    auto at = words.size() > 6 ? words[6].position : words.back().position;
    return fail(cron_error{at,
                           "expected 5 fields (minute hour day-of-month month day-of-week) "
                           "or 6 (second first), found " +
                               std::to_string(words.size())});
  }
  cron_expression expr;
  std::size_t first = words.size() == 6 ? 0 : 1;
  std::array<std::uint64_t*, 6> targets{&expr.seconds,       &expr.minutes, &expr.hours,
                                        &expr.days_of_month, &expr.months,  &expr.days_of_week};
  expr.seconds = 1;  // a 5-field expression fires at second 0
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto kind = static_cast<cron_field_kind>(first + i);
    auto bits = parse_cron_field(words[i].text, {kind, i + 1, words[i].position});
    if (!bits) return fail(std::move(bits).error());
    *targets[first + i] = *bits;
  }
  const auto& hour = words[2 - first].text;
  expr.hour_repeats = hour.find_first_of("*/") != std::string_view::npos;
  expr.day_of_month_restricted = words[3 - first].text != "*";
  expr.day_of_week_restricted = words[5 - first].text != "*";
  if (!some_day_exists(expr))
    return fail(cron_error{words[3 - first].position,
                           "the expression never fires: no month given has a day given in "
                           "field " +
                               std::to_string(4 - first) + " (day-of-month)"});
  return expr;
}

}  // namespace

std::string cron_error::to_string() const {
  if (position == 0) return message;
  return "position " + std::to_string(position) + ": " + message;
}

result<cron_expression, cron_error> parse_cron(std::string_view text) {
  auto words = split_words(text);
  if (words.empty()) return fail(cron_error{1, "empty expression"});
  if (!words[0].text.starts_with('@')) return parse_fields(words);
  auto expansion = expand_macro(words);
  if (!expansion) return fail(std::move(expansion).error());
  return parse_fields(split_words(*expansion));
}

bool matches_day(const cron_expression& expr, unsigned month, unsigned day, unsigned weekday) {
  if (!(expr.months >> month & 1)) return false;
  bool by_month = expr.days_of_month >> day & 1;
  bool by_week = expr.days_of_week >> weekday & 1;
  if (expr.day_of_month_restricted && expr.day_of_week_restricted) return by_month || by_week;
  return by_month && by_week;
}

}  // namespace auraos::runtime::schedule
