// Counting open connections and streams.

#include "runtime/security/open_counts.hpp"

namespace auraos::runtime::security {

open_counts::open_counts(std::size_t max_connections, std::size_t max_subscriptions)
    : max_connections_(max_connections), max_subscriptions_(max_subscriptions) {}

bool open_counts::open_connection() {
  std::lock_guard lock{mutex_};
  if (connections_ >= max_connections_) return false;
  ++connections_;
  return true;
}

void open_counts::close_connection() {
  std::lock_guard lock{mutex_};
  if (connections_ > 0) --connections_;
}

std::size_t open_counts::connections() const {
  std::lock_guard lock{mutex_};
  return connections_;
}

bool open_counts::open_subscription(const std::string& key) {
  std::lock_guard lock{mutex_};
  auto found = subscriptions_.find(key);
  auto open = found == subscriptions_.end() ? 0 : found->second;
  if (open >= max_subscriptions_) return false;
  subscriptions_[key] = open + 1;
  return true;
}

void open_counts::close_subscription(const std::string& key) {
  std::lock_guard lock{mutex_};
  auto found = subscriptions_.find(key);
  if (found == subscriptions_.end()) return;
  if (--found->second == 0) subscriptions_.erase(found);
}

std::size_t open_counts::subscriptions(const std::string& key) const {
  std::lock_guard lock{mutex_};
  auto found = subscriptions_.find(key);
  return found == subscriptions_.end() ? 0 : found->second;
}

std::size_t open_counts::subscribers() const {
  std::lock_guard lock{mutex_};
  return subscriptions_.size();
}

}  // namespace auraos::runtime::security
