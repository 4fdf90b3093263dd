#pragma once
// The node's token checks (the seed's SecurityService.validateToken): access tokens (signed
// JWTs) are checked here with no store access; API tokens are looked up in the store once and
// remembered. Revocations (of access tokens, API tokens and whole users) arrive from the store
// by polling, so every node of a cluster refuses a revoked token within a poll interval.
// Thread-safe: the HTTP threads and the actors call it at once.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/route_permissions.hpp"
#include "persistence/security_token_record.hpp"
#include "runtime/crypto/key_ring.hpp"
#include "runtime/security/security_settings.hpp"

namespace auraos::gateway::auth {

/// The prefix of API tokens ("aos_" + 43 characters); refresh tokens start with "aor_".
inline constexpr std::string_view api_token_prefix = "aos_";
/// The prefix of refresh tokens.
inline constexpr std::string_view refresh_token_prefix = "aor_";

/// The key under which a user's revocations are kept: every token of the user issued at or
/// before the latest one is refused.
std::string user_revocation_id(std::string_view user_id);

/// The stored revocation id of revoking user `user_id`'s tokens at `at_ms` ("user:ID@MS": one
/// row per revocation, as the store keeps the first row of an id).
std::string user_revocation_entry(std::string_view user_id, std::int64_t at_ms);

/// A checked caller: who, with what, and which token.
struct checked_caller {
  principal who;                         ///< Permissions and identity.
  std::string user_name;                 ///< The user's name.
  std::string token_id;                  ///< The access token's jti or the API token's id.
  std::optional<std::int64_t> expires_at;  ///< When the token stops being valid (ms), if ever.
};

/// An access token just issued.
struct issued_access_token {
  std::string token;          ///< The compact JWT.
  std::string token_id;       ///< Its jti.
  std::int64_t expires_at{};  ///< ms since the epoch.
};

/// What a token check found.
struct token_check {
  std::optional<checked_caller> caller;  ///< Set when the token is good.
  std::string problem;  ///< Why it is refused ("expired", "revoked", ...) when not good.
  bool needs_lookup = false;  ///< An API token not remembered: look it up in the store.
};

/// Token checks and the revoked set of one node.
class authenticator {
 public:
  /// Checks tokens signed with `signing` under `settings` (whose key file is read again by
  /// reload_signing when it changes).
  authenticator(runtime::crypto::key_ring signing, runtime::security::security_settings settings);

  /// Whether callers must present a token.
  bool enabled() const { return settings_.auth; }
  /// The ring that signs access tokens now.
  std::shared_ptr<const runtime::crypto::key_ring> signing() const;
  /// Reads the signing ring of the key file again when the file changed (`auraos keys rotate
  /// --purpose signing`): true when it was read; an error (the old ring stays) when the file is
  /// not a key file any more.
  result<bool, std::string> reload_signing();
  /// The settings (token lifetimes).
  const runtime::security::security_settings& settings() const { return settings_; }

  /// A new access token for `user_id` (named `user_name`, role `role`, granting `permissions`).
  issued_access_token issue(const std::string& user_id, const std::string& user_name,
                            const std::string& role,
                            const runtime::security::permission_set& permissions) const;

  /// Checks `token` at wall time `now_ms`: an access token completely; an API token from what
  /// is remembered, else `needs_lookup`.
  token_check check(std::string_view token, std::int64_t now_ms) const;

  /// Remembers what the store said of the API token whose SHA-256 is `hash` (until a
  /// revocation of it or its user arrives, or `remember_for` passes: a role change shows then).
  void remember_api_token(const std::string& hash, checked_caller caller, std::int64_t now_ms);

  /// Adds revocations read from the store; the highest seq applied is remembered.
  void apply(const std::vector<persistence::revocation_record>& revocations);
  /// Refuses `token_id` (a jti, an API token id or a user revocation entry) at once on this
  /// node, as the stored revocation will on every node at its next poll.
  void revoke_now(const std::string& token_id, std::int64_t expires_at);
  /// The highest revocation seq applied (0: none).
  std::int64_t last_revocation_seq() const;
  /// True when `token_id` (or the user, for tokens issued at `issued_ms` or before) is revoked.
  bool revoked(const std::string& token_id, const std::string& user_id,
               std::int64_t issued_ms) const;

  /// How long an API token's lookup is remembered.
  static constexpr std::int64_t remember_for_ms = 5000;

 private:
  struct remembered {
    checked_caller caller;
    std::int64_t at = 0;
  };

  bool revoked_locked(const std::string& token_id, const std::string& user_id,
                      std::int64_t issued_ms) const;

  runtime::security::security_settings settings_;
  mutable std::mutex mutex_;
  std::shared_ptr<const runtime::crypto::key_ring> signing_;
  std::string key_file_stamp_;
  struct revocation {
    std::int64_t revoked_at = 0;
    std::int64_t expires_at = 0;
  };

  std::map<std::string, revocation> revoked_tokens_;  // token id -> when, until when
  std::map<std::string, remembered> api_tokens_;        // token hash -> lookup
  std::int64_t last_seq_ = 0;
};

}  // namespace auraos::gateway::auth
