#pragma once
// An environment for tests: a manual clock, a fixed seed, timers that fire only when the test
// moves the clock, and files served from memory (falling back to the disk).

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <caf/actor_control_block.hpp>
#include <caf/message.hpp>

#include "actors/env.hpp"

namespace auraos::actors {

/// A manual clock: nothing scheduled fires until `advance` moves time past its deadline.
class simulated_env final : public env {
 public:
  /// Wall time starts at `start_ms`; random numbers come from a generator seeded with `seed`.
  explicit simulated_env(std::int64_t start_ms = 1'767'225'600'000, std::uint64_t seed = 42);

  std::int64_t now_ms() override;
  std::chrono::steady_clock::time_point steady_now() override;
  double random() override;
  void schedule(caf::strong_actor_ptr dest, std::chrono::milliseconds delay,
                caf::message msg) override;
  void schedule_at(caf::strong_actor_ptr dest, std::int64_t deadline_ms, caf::message msg) override;
  result<std::string, std::string> read_file(const std::filesystem::path& file) override;

  /// Moves the clock by `d`, delivering every message whose deadline passed, earliest first
  /// (the clock reads each message's deadline while it is delivered).
  void advance(std::chrono::milliseconds d);
  /// Moves the clock to the wall time `ms` (no-op when it is not later).
  void advance_to(std::int64_t ms);
  /// Time passed since the start.
  std::chrono::milliseconds elapsed();
  /// Messages scheduled and not yet delivered.
  std::size_t pending();
  /// The wall time of the earliest pending message, if any.
  std::optional<std::int64_t> next_deadline_ms();
  /// Serves `content` for `file` from now on.
  void put_file(const std::filesystem::path& file, std::string content);

 private:
  /// A pending message: (deadline since start, order of scheduling) -> receiver and content.
  using key = std::tuple<std::int64_t, std::uint64_t>;
  struct entry {
    caf::strong_actor_ptr dest;
    caf::message msg;
  };
  /// Takes the earliest message due by `until` (moving the clock to its deadline), or moves
  /// the clock to `until` when none is left.
  std::optional<entry> pop_due(std::int64_t until);
  /// Queues `msg` for `deadline` (since the start) unless it passed; false when it did.
  bool enqueue(std::int64_t deadline, caf::strong_actor_ptr& dest, caf::message& msg);

  std::mutex mutex_;
  std::int64_t start_ms_;
  std::int64_t elapsed_ms_ = 0;
  std::uint64_t next_order_ = 0;
  std::mt19937_64 engine_;
  std::map<key, entry> queue_;
  std::map<std::string, std::string> files_;
};

}  // namespace auraos::actors
