#pragma once
// Token claims as the JSON payload of a JWT: `sub`, `name`, `role`, `perms` (permission names),
// `jti`, `iat` and `exp` (seconds since the Unix epoch). The key id travels in the header.

#include <optional>
#include <string>
#include <string_view>

#include "runtime/security/token_claims.hpp"

namespace auraos::runtime::security {

/// The compact JSON payload of `claims` (without `key_id`); invalid UTF-8 in a text becomes
/// U+FFFD.
std::string claims_to_json(const token_claims& claims);

/// The claims of a JSON payload; nullopt unless it is an object with every field of the right
/// type (`iat` and `exp` integers, `perms` an array of known permission names).
std::optional<token_claims> claims_from_json(std::string_view text);

}  // namespace auraos::runtime::security
