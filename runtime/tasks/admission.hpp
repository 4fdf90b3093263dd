#pragma once
// The task pool's admission decision (docs/tasks.md, "Admission"): which waiting runs start now,
// with what, and when time alone could change the answer. One pure function over plain data;
// the pool actor keeps the data and acts on the answer. Times are milliseconds since the epoch.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "runtime/tasks/resource_amount.hpp"
#include "runtime/tasks/run_rank.hpp"

namespace auraos::runtime::tasks {

/// The pool's settings (node configuration `pool`).
struct pool_settings {
  /// Total amount of each resource; a resource not named here is one the pool does not have.
  resource_amounts capacity;
  /// Most runs running at once.
  int workers = 16;
  /// A waiting run gains one priority level per this many milliseconds; <= 0: no aging.
  std::int64_t aging_ms = 60'000;
  /// The queues the pool serves; empty: every queue.
  std::set<std::string, std::less<>> queues;
};

/// A run that holds resources now.
struct running_run {
  std::string task_id;
  /// Its rendered concurrency key; absent when its task has none.
  std::optional<std::string> concurrency_key;
  resource_amounts allocation;
};

/// What the pool has given out, and the recent starts that rate limits count.
struct pool_usage {
  std::vector<running_run> running;
  /// Start times per task id, ascending; starts older than a task's window do not count.
  std::map<std::string, std::vector<std::int64_t>, std::less<>> recent_starts;
};

/// A run's concurrency limit: at most `limit` running runs of its task, or of its task with the
/// same `key` when there is one.
struct run_concurrency {
  int limit = 1;
  std::optional<std::string> key;
};

/// A run's rate limit: at most `runs` starts of its task in any window of `window_ms`.
struct run_rate {
  int runs = 1;
  std::int64_t window_ms = 1000;
};

/// A run waiting in a queue.
struct waiting_run {
  std::string run_id;
  std::string task_id;
  std::string queue = "default";
  std::int64_t priority = 0;
  std::int64_t enqueued_at = 0;
  /// Tells apart runs enqueued in the same millisecond (lower first).
  std::uint64_t sequence = 0;
  resource_amounts resources;
  std::optional<run_concurrency> concurrency;
  std::optional<run_rate> rate;
};

/// A run to start now, with what it holds while it runs.
struct admitted_run {
  std::string run_id;
  resource_amounts allocation;
};

/// A run this pool can never start, and why (to fail it instead of letting it wait forever).
struct unrunnable_run {
  std::string run_id;
  std::string reason;
};

/// The decision of one call.
struct admission {
  /// Runs to start now, in order.
  std::vector<admitted_run> start;
  /// Waiting runs that ask for a resource the pool lacks or for more than its capacity.
  std::vector<unrunnable_run> unrunnable;
  /// The earliest time at which, with nothing else happening, the decision could change (a
  /// rate window reopens); absent: only an enqueue or a completion can change it.
  std::optional<std::int64_t> wake_at;
};

/// Why `pool` can never start `run` (a resource it lacks, a request over capacity); nullopt
/// when it can. Capacity does not change, so a pool can ask once, at enqueue.
std::optional<std::string> unrunnable_reason(const pool_settings& pool, const waiting_run& run);

/// Yields the waiting runs in rank order (ascending `rank_of`), one per call, then nullptr.
using waiting_cursor = std::function<const waiting_run*()>;

/// Decides which waiting runs start at `now`, by the rules of docs/tasks.md "Admission", taking
/// runs from `next` only as long as a worker slot is free: O(k · (r·log R + log T)) for the k runs
/// it looks at, with r resources each, R in the pool, T tasks running or rate-limited. Runs it
/// looks at that the pool can never start are reported unrunnable.
admission admit(const pool_settings& pool, const pool_usage& usage, const waiting_cursor& next,
                std::int64_t now);

/// The same for waiting runs in any order: checks every run for `unrunnable`, ranks them in a
/// heap (O(n·r)), then pops them in rank order (O(log n) each) while the walk goes on.
admission admit(const pool_settings& pool, const pool_usage& usage,
                const std::vector<waiting_run>& waiting, std::int64_t now);

}  // namespace auraos::runtime::tasks
