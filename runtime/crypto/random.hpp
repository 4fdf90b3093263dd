#pragma once
// Secret randomness (the operating system's generator, through libsodium) and the hash under
// which tokens are stored: a refresh or API token is shown once and kept only as its SHA-256.

#include <cstddef>
#include <string>
#include <string_view>

namespace auraos::runtime::crypto {

/// `count` bytes from a cryptographically secure generator.
std::string random_bytes(std::size_t count);

/// A URL-safe token of `bytes` random bytes (default 32, i.e. 256 bits) in base64url without
/// padding (43 characters for 32 bytes).
std::string random_token(std::size_t bytes = 32);

/// The SHA-256 of `text` in lower-case hex (64 characters): how a token is stored and looked up.
std::string sha256_hex(std::string_view text);

}  // namespace auraos::runtime::crypto
