#pragma once
// The ends of executions, handed from actor threads to the waiting `auraos run` thread.

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "actors/executions/execution_view.hpp"

namespace auraos::cli {

/// Thread-safe map of execution id -> final view.
class run_completion {
 public:
  /// Records that `id` ended with `view`.
  void add(const std::string& id, const actors::executions::execution_view& view) {
    std::lock_guard lock(mutex_);
    ended_[id] = view;
    changed_.notify_all();
  }
  /// The view of `id` once it ended, waiting at most `wait`.
  std::optional<actors::executions::execution_view> wait_for(const std::string& id,
                                                             std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, wait, [&] { return ended_.count(id) > 0; });
    auto it = ended_.find(id);
    if (it == ended_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, actors::executions::execution_view> ended_;
};

}  // namespace auraos::cli
