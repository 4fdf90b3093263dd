#pragma once
// How many connections and streams a gateway has open, against their limits (docs/security.md,
// Rate and size limits).

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace auraos::runtime::security {

/// Open connections, and open streams (event streams, WebSockets) per caller key; safe to call
/// from several threads. A key is forgotten when its last stream closes.
class open_counts {
 public:
  /// At most `max_connections` connections and `max_subscriptions` streams per key.
  open_counts(std::size_t max_connections, std::size_t max_subscriptions);

  /// Counts a new connection; false (and not counted) when `max_connections` are open.
  bool open_connection();
  /// Uncounts a connection that open_connection counted.
  void close_connection();
  /// The connections counted now.
  std::size_t connections() const;

  /// Counts a new stream of `key`; false (and not counted) when `key` has its most open.
  bool open_subscription(const std::string& key);
  /// Uncounts a stream of `key` that open_subscription counted.
  void close_subscription(const std::string& key);
  /// The streams of `key` counted now.
  std::size_t subscriptions(const std::string& key) const;
  /// How many keys have a stream open.
  std::size_t subscribers() const;

  /// The connection limit.
  std::size_t max_connections() const { return max_connections_; }
  /// The stream limit per key.
  std::size_t max_subscriptions() const { return max_subscriptions_; }

 private:
  std::size_t max_connections_;
  std::size_t max_subscriptions_;
  mutable std::mutex mutex_;
  std::size_t connections_ = 0;
  std::unordered_map<std::string, std::size_t> subscriptions_;
};

}  // namespace auraos::runtime::security
