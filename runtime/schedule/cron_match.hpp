#pragma once
// Matching a cron expression against local wall-clock time, ignoring time zones: seconds since
// 1970-01-01T00:00:00 of the local calendar.

#include <cstdint>
#include <optional>

#include "runtime/schedule/cron_expression.hpp"

namespace auraos::runtime::schedule {

/// `a / b` rounded towards negative infinity (for b > 0): the day of a second, the second of
/// a millisecond.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && (a < 0));
}

/// The first local time in [from, until) the expression matches; nullopt when there is none.
std::optional<std::int64_t> next_local_match(const cron_expression& expr, std::int64_t from,
                                             std::int64_t until);

/// How many local times in [from, until) the expression matches (whole days are counted
/// without visiting their times).
std::uint64_t count_local_matches(const cron_expression& expr, std::int64_t from,
                                  std::int64_t until);

}  // namespace auraos::runtime::schedule
