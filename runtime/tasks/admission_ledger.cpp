#include "runtime/tasks/admission_ledger.hpp"

#include <algorithm>

namespace auraos::runtime::tasks {
namespace {

amount amount_of(const resource_amounts& amounts, const std::string& name) {
  auto it = amounts.find(name);
  return it == amounts.end() ? 0 : it->second;
}

template <class Map, class Key>
typename Map::mapped_type count_of(const Map& counts, const Key& key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

admission_ledger::admission_ledger(const pool_settings& pool, const pool_usage& usage)
    : free_(pool.capacity),
      free_workers_(pool.workers - static_cast<int>(usage.running.size())),
      recent_starts_(&usage.recent_starts) {
  for (const auto& run : usage.running) {
    for (const auto& [name, value] : run.allocation) free_[name] -= value;
    ++per_task_[run.task_id];
    if (run.concurrency_key) ++per_key_[{run.task_id, *run.concurrency_key}];
  }
}

bool admission_ledger::concurrency_full(const waiting_run& run) const {
  if (!run.concurrency) return false;
  int running = run.concurrency->key
                    ? count_of(per_key_, std::pair{run.task_id, *run.concurrency->key})
                    : count_of(per_task_, run.task_id);
  return running >= run.concurrency->limit;
}

std::optional<std::int64_t> admission_ledger::rate_reopens_at(const waiting_run& run,
                                                              std::int64_t now) const {
  if (!run.rate) return std::nullopt;
  static const std::vector<std::int64_t> none;
  auto it = recent_starts_->find(run.task_id);
  const auto& times = it == recent_starts_->end() ? none : it->second;
  // A start at s counts while now < s + window: the window is (now - window, now].
  auto first = std::upper_bound(times.begin(), times.end(), now - run.rate->window_ms);
  std::int64_t earlier = times.end() - first;
  std::int64_t inside = earlier + count_of(started_now_, run.task_id);
  if (inside < run.rate->runs) return std::nullopt;
  // The window has room again once the oldest `inside - runs + 1` of these starts leave it.
  auto drop = inside - run.rate->runs;
  return (drop < earlier ? *(first + drop) : now) + run.rate->window_ms;
}

bool admission_ledger::fits(const waiting_run& run, const waiting_run* head) const {
  return std::all_of(run.resources.begin(), run.resources.end(), [&](const auto& request) {
    const auto& [name, value] = request;
    amount held = head ? std::max<amount>(amount_of(head->resources, name), 0) : 0;
    return value <= 0 || amount_of(free_, name) - held >= value;
  });
}

void admission_ledger::take(const waiting_run& run) {
  for (const auto& [name, value] : run.resources)
    if (value > 0) free_[name] -= value;
  --free_workers_;
  ++per_task_[run.task_id];
  if (run.concurrency && run.concurrency->key) ++per_key_[{run.task_id, *run.concurrency->key}];
  ++started_now_[run.task_id];
}

}  // namespace auraos::runtime::tasks
