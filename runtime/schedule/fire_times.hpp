#pragma once
// When a validated schedule fires: cron in its zone, `every` from its anchor, `at` once.
// Times are milliseconds since the Unix epoch.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "runtime/schedule/schedule_spec.hpp"

namespace auraos::runtime::schedule {

/// The first fire time strictly after `after_ms`; nullopt when the schedule never fires again.
/// `anchor_ms` (the schedule's creation) anchors `every`: it fires at anchor + k * every, k >= 1.
std::optional<std::int64_t> next_fire_time(const schedule_spec& spec, std::int64_t anchor_ms,
                                           std::int64_t after_ms);

/// Up to `count` fire times strictly after `after_ms`, oldest first (the answer's
/// `nextFireTimes` is `next_fire_times(spec, created, now, 5)`).
std::vector<std::int64_t> next_fire_times(const schedule_spec& spec, std::int64_t anchor_ms,
                                          std::int64_t after_ms, std::size_t count);

/// How many fire times lie in (after_ms, until_ms], counted without visiting each one.
std::uint64_t count_fire_times(const schedule_spec& spec, std::int64_t anchor_ms,
                               std::int64_t after_ms, std::int64_t until_ms);

}  // namespace auraos::runtime::schedule
