#pragma once
// Base64url without padding (RFC 4648 section 5), the encoding of JWT segments, random tokens
// and sealed secrets. Decoding is strict: no padding, no whitespace, no stray bits.

#include <optional>
#include <string>
#include <string_view>

namespace auraos::runtime::crypto {

/// `bytes` in base64url without padding.
std::string base64url_encode(std::string_view bytes);

/// The bytes `text` encodes; nullopt for any character outside the alphabet, padding, a
/// length no encoding has, or unused trailing bits that are not zero.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace auraos::runtime::crypto
