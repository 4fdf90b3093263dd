#include "runtime/schedule/cron_match.hpp"

#include <algorithm>
#include <bit>

#include <date/date.h>

namespace auraos::runtime::schedule {
namespace {

constexpr std::int64_t day_seconds = 86400;

/// The smallest set bit at or above `from`, or 64 when there is none.
unsigned next_bit(std::uint64_t bits, unsigned from) {
  if (from >= 64) return 64;
  std::uint64_t above = bits >> from << from;
  return above == 0 ? 64 : static_cast<unsigned>(std::countr_zero(above));
}

date::sys_days to_date(std::int64_t day) {
  return date::sys_days{date::days{day}};
}

std::int64_t to_day(date::sys_days d) {
  return d.time_since_epoch().count();
}

/// The first day at or after `day` and before `limit` that the month and day fields allow;
/// `limit` when there is none.
std::int64_t next_matching_day(const cron_expression& expr, std::int64_t day, std::int64_t limit) {
  while (day < limit) {
    date::year_month_day ymd{to_date(day)};
    auto month = static_cast<unsigned>(ymd.month());
    if (!(expr.months >> month & 1)) {  // skip the whole month
      auto next = date::year_month{ymd.year(), ymd.month()} + date::months{1};
      day = to_day(date::sys_days{next / 1});
      continue;
    }
    auto weekday = date::weekday{to_date(day)}.c_encoding();
    if (matches_day(expr, month, static_cast<unsigned>(ymd.day()), weekday)) return day;
    ++day;
  }
  return limit;
}

}  // namespace

std::optional<std::int64_t> next_local_match(const cron_expression& expr, std::int64_t from,
                                             std::int64_t until) {
  std::int64_t t = from;
  while (t < until) {
    std::int64_t day = floor_div(t, day_seconds);
    std::int64_t matching = next_matching_day(expr, day, floor_div(until - 1, day_seconds) + 1);
    if (matching != day) {
      t = matching * day_seconds;
      continue;
    }
    auto of_day = static_cast<unsigned>(t - day * day_seconds);
    unsigned h = of_day / 3600, m = of_day / 60 % 60, s = of_day % 60;
    std::int64_t base = day * day_seconds;
    unsigned next_h = next_bit(expr.hours, h);
    if (next_h >= 24) {
      t = base + day_seconds;
    } else if (next_h != h) {
      t = base + next_h * 3600;
    } else if (unsigned next_m = next_bit(expr.minutes, m); next_m >= 60) {
      t = base + (h + 1) * 3600;
    } else if (next_m != m) {
      t = base + h * 3600 + next_m * 60;
    } else if (unsigned next_s = next_bit(expr.seconds, s); next_s >= 60) {
      t = base + h * 3600 + (m + 1) * 60;
    } else {
      t = base + h * 3600 + m * 60 + next_s;
      return t < until ? std::optional{t} : std::nullopt;
    }
  }
  return std::nullopt;
}

std::uint64_t count_local_matches(const cron_expression& expr, std::int64_t from,
                                  std::int64_t until) {
  const std::uint64_t per_day = static_cast<std::uint64_t>(std::popcount(expr.hours)) *
                                static_cast<std::uint64_t>(std::popcount(expr.minutes)) *
                                static_cast<std::uint64_t>(std::popcount(expr.seconds));
  std::uint64_t count = 0;
  std::int64_t t = from;
  while (t < until) {
    std::int64_t day =
        next_matching_day(expr, floor_div(t, day_seconds), floor_div(until - 1, day_seconds) + 1);
    std::int64_t start = std::max(t, day * day_seconds), end = (day + 1) * day_seconds;
    if (start >= until) break;
    if (start == day * day_seconds && end <= until) {
      count += per_day;
    } else {
      for (auto at = next_local_match(expr, start, std::min(end, until)); at;
           at = next_local_match(expr, *at + 1, std::min(end, until)))
        ++count;
    }
    t = end;
  }
  return count;
}

}  // namespace auraos::runtime::schedule
