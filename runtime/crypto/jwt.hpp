#pragma once
// Access tokens as compact JWS (RFC 7515) signed with HS256 under a key ring: the header names
// the key (`kid`), so keys rotate while tokens signed with an older key stay verifiable.

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/crypto/key_ring.hpp"
#include "runtime/result.hpp"
#include "runtime/security/token_claims.hpp"

namespace auraos::runtime::crypto {

/// Why a token was refused before its claims could be trusted.
enum class jwt_problem : std::uint8_t {
  malformed,      ///< Not three strict base64url segments, or a header that is not JSON.
  bad_algorithm,  ///< The header's `alg` is not HS256 (`none` included), or it has `crit`.
  unknown_key,    ///< The header has no `kid`, or names a key the ring does not hold.
  bad_signature,  ///< The signature does not match the header and payload.
  bad_claims,     ///< Signed, but the payload is not the claims JSON.
};

/// "malformed", "bad_algorithm", "unknown_key", "bad_signature" or "bad_claims".
std::string_view to_string(jwt_problem problem);

/// `claims` as a compact JWS signed with HMAC-SHA256 under the ring's current key, whose id the
/// header carries as `kid` (`claims.key_id` is not used). Empty only when OpenSSL fails (out
/// of memory): no verifier accepts that.
std::string sign_token(const security::token_claims& claims, const key_ring& keys);

/// The claims of `token` once its form, algorithm, key id and signature (compared in constant
/// time) are good, with `key_id` set from the header. Expiry and revocation are not checked
/// here: apply security::check_claims next.
result<security::token_claims, jwt_problem> verify_token(std::string_view token,
                                                         const key_ring& keys);

}  // namespace auraos::runtime::crypto
