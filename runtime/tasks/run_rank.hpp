#pragma once
// The order in which waiting runs are served (docs/tasks.md, "Admission"): effective priority,
// then first come first served. Aging steps fall on multiples of the aging period since the
// epoch, for every run at once, so the order of two waiting runs never changes while they wait
// and a pool can keep its queue sorted by `rank_of` once, at enqueue.

#include <compare>
#include <cstdint>

namespace auraos::runtime::tasks {

struct waiting_run;

/// A waiting run's place in the order: lower keys are served first.
struct rank_key {
  /// Minus (priority minus the aging steps before its enqueue): the same for all time.
  std::int64_t level = 0;
  std::int64_t enqueued_at = 0;
  std::uint64_t sequence = 0;
  /// Compares level, then enqueued_at, then sequence.
  auto operator<=>(const rank_key&) const = default;
};

/// The rank of `run` in a pool aging one level per `aging_ms` (<= 0: no aging).
rank_key rank_of(const waiting_run& run, std::int64_t aging_ms);

/// A waiting run's effective priority at `now`: its priority plus the aging steps (multiples of
/// `aging_ms` since the epoch) that passed since it was enqueued.
std::int64_t effective_priority(const waiting_run& run, std::int64_t aging_ms, std::int64_t now);

}  // namespace auraos::runtime::tasks
