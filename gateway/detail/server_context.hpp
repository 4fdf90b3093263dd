#pragma once
// Internal: the state a server shares with its sessions and their responders.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "gateway/http_server.hpp"
#include "runtime/security/open_counts.hpp"
#include "runtime/security/request_limiter.hpp"

namespace auraos::gateway::detail {

class http_session;

/// Options, handler, the live-session registry and the gate that responders post through.
class server_context {
 public:
  /// A context for a server with these options and this handler.
  server_context(server_options options, http_handler handler);

  /// The server's options.
  const server_options& options() const { return options_; }
  /// The request handler.
  const http_handler& handler() const { return handler_; }
  /// True once the server is stopping.
  bool stopping() const { return stopping_.load(); }
  /// Number of connections accepted.
  std::atomic<std::uint64_t>& accepted() { return accepted_; }
  /// The rate limits by token and by address.
  runtime::security::request_limiter& limiter() { return limiter_; }
  /// The open connections and streams, against their limits.
  runtime::security::open_counts& open() { return open_; }
  /// True at most once a second: whether a refusal for being over a limit should be logged
  /// (a flood of refusals is one line a second, not one per request).
  bool should_log_refusal();

  /// Registers a new session; false (and not registered) once the server is stopping.
  bool add_session(const std::shared_ptr<http_session>& session);
  /// Called by a session's destructor.
  void remove_session();
  /// Marks the server as stopping and returns the sessions alive now.
  std::vector<std::shared_ptr<http_session>> begin_stop();
  /// The sessions alive now.
  std::vector<std::shared_ptr<http_session>> live_sessions();
  /// How many sessions are alive now (admitted or being refused).
  std::size_t live_count();
  /// Waits until no session is alive or `timeout` passes; true when none is alive.
  bool wait_until_drained(std::chrono::milliseconds timeout);

  /// Runs `post` under the gate lock while the gate is open (the io_context is alive).
  template <class F>
  void through_gate(F&& post) {
    std::lock_guard lock{gate_mutex_};
    if (gate_open_) post();
  }
  /// Closes the gate: later responses are dropped (the io_context is about to go).
  void close_gate();

 private:
  server_options options_;
  http_handler handler_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> accepted_{0};
  runtime::security::request_limiter limiter_;
  runtime::security::open_counts open_;
  std::atomic<std::int64_t> last_refusal_log_{0};
  std::mutex sessions_mutex_;
  std::condition_variable sessions_changed_;
  std::vector<std::weak_ptr<http_session>> sessions_;
  std::size_t live_ = 0;
  std::mutex gate_mutex_;
  bool gate_open_ = true;
};

}  // namespace auraos::gateway::detail
