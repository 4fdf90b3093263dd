#pragma once
// The claims of an access token and the checks that need no key: expiry, issue time (with a
// clock skew allowance), revocation and key id. Signatures are runtime/crypto's job.

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "runtime/security/permissions.hpp"

namespace auraos::runtime::security {

/// What an access token says about its bearer, and when it is valid.
struct token_claims {
  std::string subject;                    ///< `sub`: the user's id.
  std::string user_name;                  ///< `name`: the user's name.
  std::string role;                       ///< `role`: the user's role when the token was issued.
  permission_set permissions;             ///< `perms`: what the token allows.
  std::string token_id;                   ///< `jti`: unique, the key revocation uses.
  std::chrono::sys_seconds issued_at{};   ///< `iat`: when it was issued.
  std::chrono::sys_seconds expires_at{};  ///< `exp`: the first second it is no longer valid.
  std::string key_id;                     ///< `kid` (header): the key that signed it.
};

/// Why a token whose signature is good is still refused.
enum class claims_problem : std::uint8_t {
  expired,        ///< `now` is at or after `exp`.
  not_yet_valid,  ///< `iat` is later than `now` by more than the allowed skew.
  revoked,        ///< Its `jti` is in the revoked set.
  unknown_key,    ///< Its `kid` is not one of the known keys.
};

/// "expired", "not_yet_valid", "revoked" or "unknown_key".
std::string_view to_string(claims_problem problem);

/// How far another node's clock may be ahead of ours when it issues a token.
inline constexpr std::chrono::seconds default_clock_skew{30};

/// The first reason to refuse `claims` at wall time `now`, if any, checked in this order:
/// unknown key id, revoked, not yet valid (`iat > now + skew`), expired (`now >= exp`, no skew:
/// a clock that is behind must not lengthen a token's life).
std::optional<claims_problem> check_claims(const token_claims& claims, std::chrono::sys_seconds now,
                                           const std::set<std::string>& revoked_ids,
                                           const std::set<std::string>& key_ids,
                                           std::chrono::seconds skew = default_clock_skew);

}  // namespace auraos::runtime::security
