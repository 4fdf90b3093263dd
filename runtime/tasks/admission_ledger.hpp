#pragma once
// What is free and what is counted while one admission call decides (internal to admission.cpp).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/tasks/admission.hpp"

namespace auraos::runtime::tasks {

/// Free capacity, running counts and start times, updated as the call starts runs.
class admission_ledger {
 public:
  /// The state before the call: capacity minus what the running runs hold. Keeps a reference
  /// to `usage`'s start times.
  admission_ledger(const pool_settings& pool, const pool_usage& usage);

  /// Worker slots not taken.
  int free_workers() const { return free_workers_; }
  /// True when `run` would exceed its concurrency limit.
  bool concurrency_full(const waiting_run& run) const;
  /// When `run`'s rate window has room again; nullopt when it has room now.
  std::optional<std::int64_t> rate_reopens_at(const waiting_run& run, std::int64_t now) const;
  /// True when every amount `run` asks for is free beyond what `head` (if any) asks for.
  bool fits(const waiting_run& run, const waiting_run* head) const;
  /// Records that `run` starts now, holding what it asked for.
  void take(const waiting_run& run);

 private:
  resource_amounts free_;
  int free_workers_;
  std::map<std::string, int, std::less<>> per_task_;
  std::map<std::pair<std::string, std::string>, int> per_key_;
  const std::map<std::string, std::vector<std::int64_t>, std::less<>>* recent_starts_;
  /// Runs started by this call (at its `now`) per task.
  std::map<std::string, std::int64_t, std::less<>> started_now_;
};

}  // namespace auraos::runtime::tasks
