#pragma once
// Building the actor system of a process (`auraos run`, `auraos serve`).

#include <memory>
#include <optional>

#include <caf/fwd.hpp>

#include "cluster/transport_options.hpp"

namespace auraos::node {

/// An actor system together with the configuration it was built from.
class actor_runtime {
 public:
  /// Builds a system with `scheduler_threads` workers (0: CAF's default). With `transport`, the
  /// system also loads the middleman (and CAF's OpenSSL module with TLS files) as
  /// cluster::configure_transport describes; the TLS files are checked first and a bad one
  /// throws std::invalid_argument with check_tls_files' line, before any system exists.
  /// Without it nothing of the middleman is loaded.
  explicit actor_runtime(int scheduler_threads,
                         const std::optional<cluster::transport_options>& transport = std::nullopt);
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
