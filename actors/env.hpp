#pragma once
// The one seam between actors and the world (LevelDB's `Env`): clocks, randomness, timers and
// file loading. Production uses `real_env()`; tests inject a `simulated_env` and move its clock.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include <caf/actor_cast.hpp>
#include <caf/fwd.hpp>
#include <caf/make_message.hpp>

#include "runtime/result.hpp"
#include "runtime/supervision/backoff.hpp"
#include "runtime/supervision/intensity.hpp"

namespace auraos::actors {

/// Time, randomness, timer scheduling and file loading, as every actor sees them.
class env {
 public:
  virtual ~env() = default;

  /// The wall clock: milliseconds since the epoch (UTC).
  virtual std::int64_t now_ms() = 0;
  /// The monotonic clock (durations, restart intensity).
  virtual std::chrono::steady_clock::time_point steady_now() = 0;
  /// A uniform number in [0, 1) from a seeded generator (thread-safe).
  virtual double random() = 0;
  /// Enqueues `msg` (no sender) to `dest` once `delay` has passed on this env's clock; `dest`
  /// is held until then. A delay of zero or less delivers at once.
  virtual void schedule(caf::strong_actor_ptr dest, std::chrono::milliseconds delay,
                        caf::message msg) = 0;
  /// Enqueues `msg` to `dest` at the wall-clock `deadline_ms` (at once when it passed).
  virtual void schedule_at(caf::strong_actor_ptr dest, std::int64_t deadline_ms,
                           caf::message msg) = 0;
  /// The bytes of `file`, or why it cannot be read. Blocks: call it off the scheduler
  /// (see `load_file` in actors/env_files.hpp).
  virtual result<std::string, std::string> read_file(const std::filesystem::path& file) = 0;

  /// Sends `xs...` to `dest` (an actor handle or `self`) after `delay`.
  template <class Dest, class... Ts>
  void send_after(const Dest& dest, std::chrono::milliseconds delay, Ts&&... xs) {
    schedule(caf::actor_cast<caf::strong_actor_ptr>(dest), delay,
             caf::make_message(std::forward<Ts>(xs)...));
  }
  /// Sends `xs...` to `dest` at the wall-clock `deadline_ms` (at once when it passed).
  template <class Dest, class... Ts>
  void send_at(const Dest& dest, std::int64_t deadline_ms, Ts&&... xs) {
    schedule_at(caf::actor_cast<caf::strong_actor_ptr>(dest), deadline_ms,
                caf::make_message(std::forward<Ts>(xs)...));
  }
};

/// The shared real environment: system clocks, a generator seeded from the system's entropy,
/// the actor system's timer and the file system.
std::shared_ptr<env> real_env();

/// `e`, or the real environment when `e` is null.
std::shared_ptr<env> env_or_real(std::shared_ptr<env> e);

/// The monotonic clock of `e` as a supervision clock source (holds `e`).
runtime::supervision::clock_source steady_source(std::shared_ptr<env> e);

/// The wall clock of `e` in ms since the epoch, for a store's stamps (holds `e`).
std::function<std::int64_t()> wall_source(std::shared_ptr<env> e);

/// The random numbers of `e` as a supervision random source (holds `e`).
runtime::supervision::random_source random_source(std::shared_ptr<env> e);

}  // namespace auraos::actors
