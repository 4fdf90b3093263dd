#pragma once
// When a cron expression fires in an IANA time zone, with the daylight saving time rules of
// docs/schedules.md. Times are milliseconds since the Unix epoch; fire times are whole seconds.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "runtime/result.hpp"
#include "runtime/schedule/cron_expression.hpp"

namespace date {
class time_zone;
}

namespace auraos::runtime::schedule {

/// How far past the previous fire time a search looks before it gives up (nine years: a
/// February 29 can be eight years from the previous one, as from 2096 to 2104).
inline constexpr std::int64_t search_horizon_seconds = 9 * 366 * 86400;

/// The IANA zone `name` from the system's zone data; the error names the zone.
result<const date::time_zone*, cron_error> find_time_zone(std::string_view name);

/// The first fire time strictly after `after_ms`; nullopt when none is within the horizon.
std::optional<std::int64_t> next_cron_time(const cron_expression& expr, const date::time_zone& zone,
                                           std::int64_t after_ms);

/// The next `count` fire times strictly after `after_ms` in zone `zone_name`; fewer when the
/// horizon ends the search, an error when the zone is unknown or nothing fires at all.
result<std::vector<std::int64_t>, cron_error> next_cron_times(const cron_expression& expr,
                                                              std::string_view zone_name,
                                                              std::int64_t after_ms,
                                                              std::size_t count);

/// How many fire times lie in (after_ms, until_ms], without visiting each one.
std::uint64_t count_cron_times(const cron_expression& expr, const date::time_zone& zone,
                               std::int64_t after_ms, std::int64_t until_ms);

}  // namespace auraos::runtime::schedule
