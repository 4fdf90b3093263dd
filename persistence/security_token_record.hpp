#pragma once
// Stored tokens: API tokens of programs (`api_tokens`), refresh tokens of signed-in users
// (`refresh_tokens`) and revoked access tokens (`token_revocations`). A token is stored only
// as its SHA-256 (runtime/crypto/random.hpp sha256_hex), never as itself.

#include <cstdint>
#include <optional>
#include <string>

namespace auraos::persistence {

/// One API token of a user.
struct api_token_record {
  std::string id;                          ///< Any text; the store makes a UUID when empty.
  std::string user_id;                     ///< Whose it is (deleted with the user).
  std::string name;                        ///< What the user called it.
  std::string token_hash;                  ///< SHA-256 hex of the token; unique.
  std::int64_t created_at = 0;             ///< ms since the epoch (stamped by the store).
  std::optional<std::int64_t> expires_at;  ///< ms since the epoch; none: never.
  std::optional<std::int64_t> last_used_at = std::nullopt;  ///< Set by touch_api_token_op.
  std::optional<std::int64_t> revoked_at = std::nullopt;    ///< Set by revoke_api_token_op.
};

/// One refresh token of a signed-in user.
struct refresh_token_record {
  std::string id;               ///< Any text; the store makes a UUID when empty.
  std::string user_id;          ///< Whose it is (deleted with the user).
  std::string token_hash;       ///< SHA-256 hex of the token; unique.
  std::int64_t issued_at = 0;   ///< ms since the epoch (stamped by the store).
  std::int64_t expires_at = 0;  ///< ms since the epoch.
  std::optional<std::int64_t> revoked_at = std::nullopt;  ///< Revoked or rotated at.
  std::optional<std::string> replaced_by = std::nullopt;  ///< The token a rotation made.
};

/// A revoked access token: every node refuses its `jti` until it expires.
struct revocation_record {
  std::int64_t seq = 0;         ///< Store-assigned, increasing in commit order, never reused.
  std::string token_id;         ///< The access token's `jti`.
  std::int64_t expires_at = 0;  ///< The token's own expiry (ms): after it, the entry is pruned.
  std::int64_t revoked_at = 0;  ///< ms since the epoch (stamped by the store).
};

}  // namespace auraos::persistence
