#pragma once
// AES-256-GCM through OpenSSL's EVP interface: a 32-byte key, a 12-byte nonce, and a 16-byte
// tag appended to the ciphertext. The building block of secret_box.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace auraos::runtime::crypto {

/// The size of an AES-256 key.
inline constexpr std::size_t aes_key_bytes = 32;
/// The size of a GCM nonce (96 bits).
inline constexpr std::size_t gcm_nonce_bytes = 12;
/// The size of the GCM tag appended to the ciphertext.
inline constexpr std::size_t gcm_tag_bytes = 16;

/// `plaintext` encrypted under `key` and `nonce` with `associated_data` authenticated, as the
/// ciphertext followed by the tag; nullopt when the key or nonce has the wrong size or OpenSSL
/// fails.
std::optional<std::string> aes_gcm_seal(std::string_view key, std::string_view nonce,
                                        std::string_view plaintext,
                                        std::string_view associated_data);

/// The plaintext of `sealed` (ciphertext followed by tag); nullopt when the tag does not match
/// (wrong key, nonce, associated data or any changed byte) or the sizes are wrong.
std::optional<std::string> aes_gcm_open(std::string_view key, std::string_view nonce,
                                        std::string_view sealed, std::string_view associated_data);

}  // namespace auraos::runtime::crypto
