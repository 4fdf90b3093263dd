#pragma once
// The gateway's rate and size limits (docs/security.md, Rate and size limits): token buckets per
// access token and per client address, the largest header block and request target, and how
// many connections and streams may be open. Config key `limits` (an object of these fields).

#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/result.hpp"

namespace auraos::runtime::security {

/// A token bucket's shape: `per_second` tokens refilled, at most `burst` held; 0 per second
/// turns the bucket off.
struct rate_limit {
  double per_second = 1000;  ///< Sustained requests per second.
  double burst = 2000;       ///< Requests allowed at once after a quiet time.
  /// True when the bucket limits anything.
  bool enabled() const { return per_second > 0; }
};

/// Every limit of the HTTP gateway, with defaults that the tests and benches never reach.
struct http_limits {
  /// Requests per `Authorization: Bearer` value (`limits.perTokenPerSecond`, `perTokenBurst`).
  rate_limit per_token;
  /// Requests per client address (`limits.perAddressPerSecond`, `perAddressBurst`).
  rate_limit per_address;
  /// Whether loopback clients (127.0.0.0/8, ::1) have an address bucket too; their tokens always
  /// do (`limits.limitLoopback`).
  bool limit_loopback = false;
  /// Largest request header block in bytes, 431 above (`limits.maxHeaderBytes`).
  std::size_t max_header_bytes = 16 * 1024;
  /// Longest request target (path and query) in bytes, 414 above (`limits.maxTargetBytes`).
  std::size_t max_target_bytes = 8 * 1024;
  /// Open connections at most; one more is answered 503 (`limits.maxConnections`).
  std::size_t max_connections = 1024;
  /// Open event streams and WebSockets per token, or per address for callers without one,
  /// 429 above (`limits.maxSubscriptions`).
  std::size_t max_subscriptions = 100;
  /// Tokens and addresses whose buckets are remembered, least recently used forgotten first
  /// (`limits.trackedKeys`).
  std::size_t tracked_keys = 10000;
};

/// Applies the top-level config key `key`: none when it is not `limits`, else success or an
/// error naming the field (`config: limits.maxConnections: must be ...`).
std::optional<result<bool, std::string>> apply_limits_key(http_limits& limits,
                                                          const std::string& key,
                                                          const nlohmann::json& value);

}  // namespace auraos::runtime::security
