#pragma once
// Building the actor system of a process (`auraos run`, `auraos serve`).

#include <memory>

#include <caf/fwd.hpp>

namespace auraos::node {

/// An actor system together with the configuration it was built from.
class actor_runtime {
 public:
  /// Builds a system with `scheduler_threads` workers (0: CAF's default).
  explicit actor_runtime(int scheduler_threads);
  /// Waits for every actor to end (send them exits first), then stops the system.
  ~actor_runtime();
  actor_runtime(const actor_runtime&) = delete;
  actor_runtime& operator=(const actor_runtime&) = delete;
  /// The system.
  caf::actor_system& system();

 private:
  std::unique_ptr<caf::actor_system_config> config_;
  std::unique_ptr<caf::actor_system> system_;
};

/// Resets SIGINT and SIGTERM to their defaults and blocks them in the calling thread (call
/// before creating the actor system so every thread inherits the mask); wait with sigwait.
void block_stop_signals();

/// Waits up to `timeout_ms` for SIGINT or SIGTERM; the signal number, or 0 on timeout.
int wait_stop_signal(int timeout_ms);

}  // namespace auraos::node
