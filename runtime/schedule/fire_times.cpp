#include "runtime/schedule/fire_times.hpp"

#include <algorithm>

#include "runtime/schedule/cron_match.hpp"
#include "runtime/schedule/cron_times.hpp"

namespace auraos::runtime::schedule {
namespace {

/// The number of `every` fire times at or before `ms` (k >= 1 with anchor + k * every <= ms).
std::int64_t periods_until(const schedule_spec& spec, std::int64_t anchor_ms, std::int64_t ms) {
  if (ms < anchor_ms) return 0;
  return floor_div(ms - anchor_ms, spec.every_ms);
}

}  // namespace

std::optional<std::int64_t> next_fire_time(const schedule_spec& spec, std::int64_t anchor_ms,
                                           std::int64_t after_ms) {
  switch (spec.kind) {
    case schedule_kind::at:
      if (spec.at_ms > after_ms) return spec.at_ms;
      return std::nullopt;
    case schedule_kind::every:
      if (spec.every_ms <= 0) return std::nullopt;
      return anchor_ms + (periods_until(spec, anchor_ms, after_ms) + 1) * spec.every_ms;
    case schedule_kind::cron: {
      auto zone = find_time_zone(spec.timezone);
      if (!zone) return std::nullopt;
      return next_cron_time(spec.cron, **zone, after_ms);
    }
  }
  return std::nullopt;
}

std::vector<std::int64_t> next_fire_times(const schedule_spec& spec, std::int64_t anchor_ms,
                                          std::int64_t after_ms, std::size_t count) {
  std::vector<std::int64_t> times;
  for (auto at = after_ms; times.size() < count;) {
    auto next = next_fire_time(spec, anchor_ms, at);
    if (!next) break;
    times.push_back(at = *next);
  }
  return times;
}

std::uint64_t count_fire_times(const schedule_spec& spec, std::int64_t anchor_ms,
                               std::int64_t after_ms, std::int64_t until_ms) {
  if (until_ms <= after_ms) return 0;
  switch (spec.kind) {
    case schedule_kind::at:
      return spec.at_ms > after_ms && spec.at_ms <= until_ms ? 1 : 0;
    case schedule_kind::every:
      if (spec.every_ms <= 0) return 0;
      return static_cast<std::uint64_t>(periods_until(spec, anchor_ms, until_ms) -
                                        periods_until(spec, anchor_ms, after_ms));
    case schedule_kind::cron: {
      auto zone = find_time_zone(spec.timezone);
      if (!zone) return 0;
      return count_cron_times(spec.cron, **zone, after_ms, until_ms);
    }
  }
  return 0;
}

}  // namespace auraos::runtime::schedule
