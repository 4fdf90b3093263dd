#pragma once
// Cron expressions (spec/tasks.md "Schedules"): 5 fields (minute hour day-of-month month
// day-of-week) or 6 with seconds first, names, lists, ranges, steps and the @ macros.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace auraos::runtime::schedule {

/// What is wrong with a cron expression or a search over it.
struct cron_error {
  /// 1-based character position in the expression text; 0 when no position applies.
  std::size_t position = 0;
  /// What is wrong, e.g. "field 3 (day-of-month): 32 is out of range 1-31".
  std::string message;
  /// "position 9: field 3 (day-of-month): ...", or the message alone without a position.
  std::string to_string() const;
};

/// A parsed cron expression: for each field, bit v is set when value v matches.
struct cron_expression {
  /// Seconds 0-59 (only second 0 for a 5-field expression).
  std::uint64_t seconds = 0;
  /// Minutes 0-59.
  std::uint64_t minutes = 0;
  /// Hours 0-23.
  std::uint64_t hours = 0;
  /// Days of the month 1-31.
  std::uint64_t days_of_month = 0;
  /// Months 1-12.
  std::uint64_t months = 0;
  /// Days of the week 0-6, Sunday 0 (a written 7 is stored as 0).
  std::uint64_t days_of_week = 0;
  /// Day-of-month is not exactly `*`: with both day fields restricted, either one matches.
  bool day_of_month_restricted = false;
  /// Day-of-week is not exactly `*`.
  bool day_of_week_restricted = false;
  /// The hour field holds `*` or a step: it fires in both passes of a repeated hour and not
  /// for local times skipped by a gap (otherwise the hour is fixed, see docs/schedules.md).
  bool hour_repeats = false;
};

/// Parses and validates an expression; an expression that can never fire is an error.
result<cron_expression, cron_error> parse_cron(std::string_view text);

/// True when the civil date matches the month and day fields (Vixie rule for the two day
/// fields); `weekday` is 0 for Sunday.
bool matches_day(const cron_expression& expr, unsigned month, unsigned day, unsigned weekday);

}  // namespace auraos::runtime::schedule
