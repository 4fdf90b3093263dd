// Internal: session bookkeeping for graceful stop, and the responders' gate.

#include "gateway/detail/server_context.hpp"

#include <algorithm>

namespace auraos::gateway::detail {

server_context::server_context(server_options options, http_handler handler)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      limiter_(options_.limits),
      open_(options_.limits.max_connections, options_.limits.max_subscriptions) {}

bool server_context::should_log_refusal() {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::steady_clock::now().time_since_epoch())
                 .count();
  auto last = last_refusal_log_.load();
  return now > last && last_refusal_log_.compare_exchange_strong(last, now);
}

bool server_context::add_session(const std::shared_ptr<http_session>& session) {
  std::lock_guard lock{sessions_mutex_};
  if (stopping_.load()) return false;
  std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
  sessions_.push_back(session);
  ++live_;
  return true;
}

void server_context::remove_session() {
  {
    std::lock_guard lock{sessions_mutex_};
    --live_;
  }
  sessions_changed_.notify_all();
}

std::vector<std::shared_ptr<http_session>> server_context::begin_stop() {
  {
    std::lock_guard lock{sessions_mutex_};
    stopping_.store(true);
  }
  return live_sessions();
}

std::vector<std::shared_ptr<http_session>> server_context::live_sessions() {
  std::lock_guard lock{sessions_mutex_};
  std::vector<std::shared_ptr<http_session>> alive;
  for (const auto& weak : sessions_) {
    if (auto session = weak.lock()) alive.push_back(std::move(session));
  }
  return alive;
}

std::size_t server_context::live_count() {
  std::lock_guard lock{sessions_mutex_};
  return live_;
}

bool server_context::wait_until_drained(std::chrono::milliseconds timeout) {
  std::unique_lock lock{sessions_mutex_};
  return sessions_changed_.wait_for(lock, timeout, [this] { return live_ == 0; });
}

void server_context::close_gate() {
  std::lock_guard lock{gate_mutex_};
  gate_open_ = false;
}

}  // namespace auraos::gateway::detail
