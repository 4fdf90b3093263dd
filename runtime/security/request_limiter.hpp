#pragma once
// The rate limits of the gateway: one token bucket per access token and one per client address
// (docs/security.md, Rate and size limits). Time is passed in, so tests move a simulated clock.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/security/http_limits.hpp"
#include "runtime/security/keyed_limiter.hpp"

namespace auraos::runtime::security {

/// Who a request counts against.
struct caller_key {
  /// The SHA-256 (hex) of the request's bearer token; empty for a request without one.
  std::string token_hash;
  /// The client's address ("203.0.113.7", "::1").
  std::string address;
  /// The key the caller's open streams are counted under: "token:HASH", else "address:ADDR".
  std::string subscription_key() const;
};

/// The credential of an `Authorization: Bearer CREDENTIAL` value (the scheme in any case);
/// empty when the value is not a bearer credential.
std::string_view bearer_credential(std::string_view authorization);

/// Why a request was refused, and when to try again.
struct rate_refusal {
  std::int64_t retry_after_seconds = 1;  ///< The `Retry-After` value, at least 1.
  std::string message;                   ///< A sentence naming the limit and its config key.
};

/// The buckets of one gateway, bounded in number; safe to call from several threads.
class request_limiter {
 public:
  /// Buckets shaped by `limits` (per token, per address, which callers are exempt).
  explicit request_limiter(const http_limits& limits);

  /// Takes one request from `caller`'s token bucket (if it has a token), then from its address
  /// bucket (unless the address is a loopback one and loopback is not limited); nullopt when
  /// both allow it, else the refusal of the first that does not.
  std::optional<rate_refusal> admit(const caller_key& caller, steady_time now);

 private:
  http_limits limits_;
  std::mutex mutex_;
  keyed_limiter tokens_;
  keyed_limiter addresses_;
};

}  // namespace auraos::runtime::security
