#pragma once
// One field of a cron expression: values, names, lists, ranges and steps (internal).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/result.hpp"
#include "runtime/schedule/cron_expression.hpp"

namespace auraos::runtime::schedule {

/// The kinds of field, in the order of a 6-field expression.
enum class cron_field_kind { second, minute, hour, day_of_month, month, day_of_week };

/// Where a field sits in the text: its kind, its number as written (1-based) and its first
/// character's 1-based position.
struct cron_field_place {
  cron_field_kind kind;
  std::size_t number;
  std::size_t position;
};

/// The field's name as used in messages, e.g. "day-of-month".
std::string_view field_name(cron_field_kind kind);

/// Parses one field's text into a bit set of matching values (day-of-week 7 becomes 0).
result<std::uint64_t, cron_error> parse_cron_field(std::string_view text,
                                                   const cron_field_place& place);

}  // namespace auraos::runtime::schedule
