#include "runtime/schedule/zone_spans.hpp"

#include <algorithm>

#include <date/tz.h>

#include "runtime/schedule/cron_match.hpp"

namespace auraos::runtime::schedule {
namespace {

/// Periods starting before year 1 are the zone data's open beginning, not a transition.
constexpr std::int64_t first_real_transition = -62135596800;

date::sys_seconds instant(std::int64_t seconds) {
  return date::sys_seconds{std::chrono::seconds{seconds}};
}

std::int64_t seconds_of(date::sys_seconds t) {
  return t.time_since_epoch().count();
}

}  // namespace

void walk_zone_spans(const cron_expression& expr, const date::time_zone& zone, std::int64_t from,
                     std::int64_t until, const std::function<bool(const zone_span&)>& visit) {
  std::int64_t t = from;
  while (t < until) {
    auto info = zone.get_info(instant(t));
    std::int64_t begin = seconds_of(info.begin);
    std::int64_t offset = info.offset.count();
    zone_span span{t, std::min(seconds_of(info.end), until), offset, t + offset, false};
    if (!expr.hour_repeats && begin > first_real_transition) {
      std::int64_t before = zone.get_info(instant(begin - 1)).offset.count();
      if (before > offset)  // a repeated stretch: fixed local times fired in the first pass
        span.local_from = std::max(span.local_from, begin + before);
      else if (before < offset && begin == t)  // a gap: its fixed local times fire once, now
        span.gap_fire = next_local_match(expr, begin + before, begin + offset).has_value();
    }
    if (!visit(span)) return;
    t = span.end;
  }
}

}  // namespace auraos::runtime::schedule
