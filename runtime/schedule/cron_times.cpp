#include "runtime/schedule/cron_times.hpp"

#include <exception>
#include <string>

#include <date/tz.h>

#include "runtime/schedule/cron_match.hpp"
#include "runtime/schedule/zone_spans.hpp"

namespace auraos::runtime::schedule {
namespace {

/// The first second strictly after `ms`.
std::int64_t second_after(std::int64_t ms) {
  return floor_div(ms, 1000) + 1;
}

}  // namespace

result<const date::time_zone*, cron_error> find_time_zone(std::string_view name) {
  try {
    if (!name.empty()) return date::locate_zone(name);
  } catch (const std::exception&) {  // date reports an unknown name by throwing
  }
  return fail(cron_error{0, "unknown time zone '" + std::string{name} + "'"});
}

std::optional<std::int64_t> next_cron_time(const cron_expression& expr, const date::time_zone& zone,
                                           std::int64_t after_ms) {
  std::int64_t from = second_after(after_ms);
  std::optional<std::int64_t> found;
  walk_zone_spans(expr, zone, from, from + search_horizon_seconds, [&](const zone_span& span) {
    if (span.gap_fire) {
      found = span.begin;
    } else if (auto local = next_local_match(expr, span.local_from, span.end + span.offset)) {
      found = *local - span.offset;
    }
    return !found;
  });
  if (!found) return std::nullopt;
  return *found * 1000;
}

result<std::vector<std::int64_t>, cron_error> next_cron_times(const cron_expression& expr,
                                                              std::string_view zone_name,
                                                              std::int64_t after_ms,
                                                              std::size_t count) {
  auto zone = find_time_zone(zone_name);
  if (!zone) return fail(std::move(zone).error());
  std::vector<std::int64_t> times;
  for (auto at = after_ms; times.size() < count;) {
    auto next = next_cron_time(expr, **zone, at);
    if (!next) break;
    times.push_back(at = *next);
  }
  if (times.empty() && count > 0)
    return fail(cron_error{0, "the expression does not fire within " +
                                  std::to_string(search_horizon_seconds / (366 * 86400)) +
                                  " years in time zone " + std::string{zone_name}});
  return times;
}

std::uint64_t count_cron_times(const cron_expression& expr, const date::time_zone& zone,
                               std::int64_t after_ms, std::int64_t until_ms) {
  std::uint64_t count = 0;
  walk_zone_spans(expr, zone, second_after(after_ms), second_after(until_ms),
                  [&](const zone_span& span) {
                    std::int64_t begin_local = span.begin + span.offset;
                    if (span.gap_fire && !next_local_match(expr, begin_local, begin_local + 1))
                      ++count;
                    count += count_local_matches(expr, span.local_from, span.end + span.offset);
                    return true;
                  });
  return count;
}

}  // namespace auraos::runtime::schedule
