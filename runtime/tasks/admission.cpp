// The walk in rank order: start what fits, hold back what would delay the first run that waits.

#include "runtime/tasks/admission.hpp"

#include <algorithm>

#include "runtime/tasks/admission_ledger.hpp"

namespace auraos::runtime::tasks {
namespace {

/// A waiting run's rank and where it is in the caller's vector.
struct candidate {
  rank_key rank;
  std::size_t index;
};

/// Heap order: true when `a` ranks below `b` (so the heap's top ranks first).
bool ranks_below(const candidate& a, const candidate& b) {
  return b.rank < a.rank || (a.rank == b.rank && b.index < a.index);
}

bool served(const pool_settings& pool, const waiting_run& run) {
  return pool.queues.empty() || pool.queues.contains(run.queue);
}

admitted_run admitted(const waiting_run& run) {
  admitted_run out{run.run_id, {}};
  for (const auto& [name, value] : run.resources)
    if (value > 0) out.allocation.emplace(name, value);
  return out;
}

}  // namespace

std::optional<std::string> unrunnable_reason(const pool_settings& pool, const waiting_run& run) {
  for (const auto& [name, value] : run.resources) {
    if (value <= 0) continue;
    auto it = pool.capacity.find(name);
    if (it == pool.capacity.end())
      return "needs resource \"" + name + "\" (" + format_amount(value) +
             "), which this pool does not have";
    if (value > it->second)
      return "needs " + format_amount(value) + " " + name + ", more than this pool's capacity of " +
             format_amount(it->second);
  }
  return std::nullopt;
}

namespace {

/// The walk in rank order; `screen`: check each run for `unrunnable` (else the caller did).
admission walk(const pool_settings& pool, const pool_usage& usage, const waiting_cursor& next,
               std::int64_t now, bool screen) {
  admission out;
  admission_ledger ledger{pool, usage};
  const waiting_run* head = nullptr;  // the first run that waits for resources
  while (ledger.free_workers() > 0) {
    const waiting_run* run = next();
    if (!run) break;
    if (!served(pool, *run)) continue;
    if (auto reason = screen ? unrunnable_reason(pool, *run) : std::nullopt) {
      out.unrunnable.push_back({run->run_id, std::move(*reason)});
    } else if (ledger.concurrency_full(*run)) {
      continue;
    } else if (auto reopens = ledger.rate_reopens_at(*run, now)) {
      out.wake_at = std::min(out.wake_at.value_or(*reopens), *reopens);
    } else if (ledger.fits(*run, head)) {
      ledger.take(*run);
      out.start.push_back(admitted(*run));
    } else if (!head) {
      head = run;  // nothing ranked lower may take what it waits for
    }
  }
  return out;
}

}  // namespace

admission admit(const pool_settings& pool, const pool_usage& usage, const waiting_cursor& next,
                std::int64_t now) {
  return walk(pool, usage, next, now, true);
}

admission admit(const pool_settings& pool, const pool_usage& usage,
                const std::vector<waiting_run>& waiting, std::int64_t now) {
  std::vector<unrunnable_run> unrunnable;
  std::vector<candidate> order;
  order.reserve(waiting.size());
  for (std::size_t i = 0; i < waiting.size(); ++i) {
    if (!served(pool, waiting[i])) continue;
    if (auto reason = unrunnable_reason(pool, waiting[i]))
      unrunnable.push_back({waiting[i].run_id, std::move(*reason)});
    else
      order.push_back({rank_of(waiting[i], pool.aging_ms), i});
  }
  std::make_heap(order.begin(), order.end(), ranks_below);
  auto end = order.end();
  auto next = [&]() -> const waiting_run* {
    if (end == order.begin()) return nullptr;
    std::pop_heap(order.begin(), end, ranks_below);
    return &waiting[(--end)->index];
  };
  auto out = walk(pool, usage, next, now, false);
  out.unrunnable.insert(out.unrunnable.begin(), unrunnable.begin(), unrunnable.end());
  return out;
}

}  // namespace auraos::runtime::tasks
