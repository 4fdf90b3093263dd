#pragma once
// What a schedule does when its actor wakes: which fire times start runs, which are recorded as
// skipped and why, and when to wake next. Pure: `now` is an argument, times are milliseconds
// since the Unix epoch.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "runtime/schedule/schedule_spec.hpp"

namespace auraos::runtime::schedule {

/// At most this many fire times are listed in `fire_decision::skipped` (and started at once by
/// allow_all); the count covers the rest.
inline constexpr std::size_t max_listed_fires = 1000;

/// Why a fire time did not start a run.
enum class skip_reason {
  overlap,  ///< A run was running (or started by an earlier fire time) and the policy says so.
  outside_catchup_window,  ///< It was missed (downtime) by more than catchupWindowSeconds.
  paused,                  ///< The schedule was paused.
  catchup_limit,  ///< allow_all: more than max_listed_fires were due at once; the oldest are
                  ///< skipped.
};

/// The reason's name for records and logs, e.g. "outside_catchup_window".
std::string_view to_string(skip_reason reason);

/// One fire time that did not start a run.
struct skipped_fire {
  /// The fire time.
  std::int64_t at_ms = 0;
  /// Why it did not start.
  skip_reason reason = skip_reason::overlap;
};

/// What the caller stored about the schedule, and what it knows of its runs.
struct fire_state {
  /// Anchor of `every` (the schedule's creation).
  std::int64_t anchor_ms = 0;
  /// Every fire time at or before this was handled already (start with the creation time).
  std::int64_t last_handled_ms = 0;
  /// A run started by this schedule is still running.
  bool running = false;
  /// A fire time is buffered (buffer_one); it counts as occupying the one buffer place.
  bool buffered = false;
};

/// The outcome of one wake-up.
struct fire_decision {
  /// Fire times whose runs start now, oldest first.
  std::vector<std::int64_t> start;
  /// Fire times recorded as skipped, oldest first; at most max_listed_fires of them.
  std::vector<skipped_fire> skipped;
  /// All skipped fire times, listed or not.
  std::uint64_t skipped_count = 0;
  /// cancel_other: cancel the running run before starting.
  bool cancel_running = false;
  /// buffer_one: the fire time to start once the running run ends.
  std::optional<std::int64_t> buffer;
  /// Store this as the new `last_handled_ms`.
  std::int64_t last_handled_ms = 0;
  /// When to wake next (the next fire time); nullopt when paused or never firing again.
  std::optional<std::int64_t> next_wake_ms;
};

/// Decides for the fire times in (state.last_handled_ms, now_ms]: those older than the
/// catch-up window are skipped, the others follow the overlap policy (docs/schedules.md).
/// A paused schedule skips them all; on unpausing, the caller decides once with the paused spec
/// (recording what passed meanwhile) before using the unpaused one.
fire_decision decide_fires(const schedule_spec& spec, const fire_state& state, std::int64_t now_ms);

}  // namespace auraos::runtime::schedule
