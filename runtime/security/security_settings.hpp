#pragma once
// A node's security settings (docs/security.md): whether callers must sign in, the key file,
// token lifetimes, and the rule that a node reachable beyond loopback needs authentication.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/result.hpp"

namespace auraos::runtime::security {

/// How a node authenticates and authorizes its callers.
struct security_settings {
  /// Every route but the public ones needs a valid token (`--auth`, config `auth`).
  bool auth = false;
  /// Serve a non-loopback address without authentication (`--insecure-http`): warned about.
  bool insecure_http = false;
  /// The key file (runtime/crypto/node_keys.hpp); empty: DATA_DIR/keys.json.
  std::string key_file;
  /// How long an access token is valid (config `accessTokenTtlSeconds`).
  std::chrono::seconds access_token_ttl{15 * 60};
  /// How long a refresh token is valid (config `refreshTokenTtlSeconds`).
  std::chrono::seconds refresh_token_ttl{30 * 24 * 3600};
  /// How often a node reads new revocations (config `revocationPollMs`): a revoked token is
  /// refused by every node within about this long.
  std::chrono::milliseconds revocation_poll{250};
};

/// Applies the top-level config key `key`: none when it is not a security key, else success
/// or an error naming the key.
std::optional<result<bool, std::string>> apply_security_key(security_settings& settings,
                                                            const std::string& key,
                                                            const nlohmann::json& value);

/// True for a host that only this machine reaches: "localhost", 127.0.0.0/8 and ::1.
bool is_loopback_host(std::string_view host);

/// Why a node listening on `host` (given with `flag`: "--http", "--api-listen") may not start
/// with `settings`, or nullopt: a non-loopback address needs `auth` or `insecure_http`.
std::optional<std::string> exposure_refusal(const security_settings& settings,
                                            std::string_view host,
                                            std::string_view flag = "--http");

/// The warning a node started with `insecure_http` on a non-loopback host logs and shows on
/// /healthz, or nullopt when there is nothing to warn about.
std::optional<std::string> exposure_warning(const security_settings& settings,
                                            std::string_view http_host);

}  // namespace auraos::runtime::security
