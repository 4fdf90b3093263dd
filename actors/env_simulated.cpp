// The simulated environment: a manual clock that delivers scheduled messages in deadline order.
#include "actors/env_simulated.hpp"

#include <caf/abstract_actor.hpp>
#include <caf/message_id.hpp>

#include "runtime/text_file.hpp"

namespace auraos::actors {

namespace {

void deliver(const caf::strong_actor_ptr& dest, caf::message msg) {
  if (dest) dest->enqueue(nullptr, caf::make_message_id(), std::move(msg), nullptr);
}

}  // namespace

simulated_env::simulated_env(std::int64_t start_ms, std::uint64_t seed)
    : start_ms_(start_ms), engine_(seed) {}

std::int64_t simulated_env::now_ms() {
  std::lock_guard lock(mutex_);
  return start_ms_ + elapsed_ms_;
}

std::chrono::steady_clock::time_point simulated_env::steady_now() {
  std::lock_guard lock(mutex_);
  return std::chrono::steady_clock::time_point{} + std::chrono::hours(1) +
         std::chrono::milliseconds(elapsed_ms_);
}

double simulated_env::random() {
  std::lock_guard lock(mutex_);
  return std::uniform_real_distribution<double>{0.0, 1.0}(engine_);
}

bool simulated_env::enqueue(std::int64_t deadline, caf::strong_actor_ptr& dest, caf::message& msg) {
  std::lock_guard lock(mutex_);
  if (deadline <= elapsed_ms_) return false;
  queue_.emplace(key{deadline, next_order_++}, entry{std::move(dest), std::move(msg)});
  return true;
}

void simulated_env::schedule(caf::strong_actor_ptr dest, std::chrono::milliseconds delay,
                             caf::message msg) {
  std::int64_t deadline = 0;
  {
    std::lock_guard lock(mutex_);
    deadline = elapsed_ms_ + delay.count();
  }
  if (!enqueue(deadline, dest, msg)) deliver(dest, std::move(msg));
}

void simulated_env::schedule_at(caf::strong_actor_ptr dest, std::int64_t deadline_ms,
                                caf::message msg) {
  if (!enqueue(deadline_ms - start_ms_, dest, msg)) deliver(dest, std::move(msg));
}

result<std::string, std::string> simulated_env::read_file(const std::filesystem::path& file) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = files_.find(file.string()); it != files_.end()) return it->second;
  }
  return runtime::read_text_file(file);
}

std::optional<simulated_env::entry> simulated_env::pop_due(std::int64_t until) {
  std::lock_guard lock(mutex_);
  if (queue_.empty() || std::get<0>(queue_.begin()->first) > until) {
    elapsed_ms_ = std::max(elapsed_ms_, until);
    return std::nullopt;
  }
  auto node = queue_.extract(queue_.begin());
  elapsed_ms_ = std::max(elapsed_ms_, std::get<0>(node.key()));
  return std::move(node.mapped());
}

void simulated_env::advance(std::chrono::milliseconds d) {
  std::int64_t until = 0;
  {
    std::lock_guard lock(mutex_);
    until = elapsed_ms_ + std::max<std::int64_t>(0, d.count());
  }
  while (auto due = pop_due(until)) deliver(due->dest, std::move(due->msg));
}

void simulated_env::advance_to(std::int64_t ms) {
  advance(std::chrono::milliseconds(ms - now_ms()));
}

std::chrono::milliseconds simulated_env::elapsed() {
  std::lock_guard lock(mutex_);
  return std::chrono::milliseconds(elapsed_ms_);
}

std::size_t simulated_env::pending() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::optional<std::int64_t> simulated_env::next_deadline_ms() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) return std::nullopt;
  return start_ms_ + std::get<0>(queue_.begin()->first);
}

void simulated_env::put_file(const std::filesystem::path& file, std::string content) {
  std::lock_guard lock(mutex_);
  files_[file.string()] = std::move(content);
}

}  // namespace auraos::actors
