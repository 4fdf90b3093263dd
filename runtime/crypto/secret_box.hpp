#pragma once
// Secrets at rest: AES-256-GCM under a key ring, as a self-describing text
// `v1:<kid>:<nonce>:<ciphertext+tag>` (nonce and ciphertext in base64url without padding), so a
// stored value names the key that opens it and keys can rotate.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/crypto/key_ring.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::crypto {

/// Why a secret could not be sealed or opened.
enum class secret_problem : std::uint8_t {
  unknown_key,            ///< The text names a key the ring does not hold.
  bad_format,             ///< The text is not `v1:<kid>:<nonce>:<ciphertext+tag>`.
  authentication_failed,  ///< The tag does not match: changed text, key or associated data.
  bad_key,                ///< The key is not 32 bytes (AES-256), or OpenSSL refused it.
};

/// "unknown_key", "bad_format", "authentication_failed" or "bad_key".
std::string_view to_string(secret_problem problem);

/// `plaintext` sealed under the ring's current key with a random 96-bit nonce. The
/// `associated_data` (e.g. the record's id) is authenticated but not stored: decrypting needs
/// the same, so a sealed value cannot be moved to another record.
result<std::string, secret_problem> encrypt(std::string_view plaintext, const key_ring& keys,
                                            std::string_view associated_data = {});

/// The plaintext of a sealed text, with the key it names and the same `associated_data`.
result<std::string, secret_problem> decrypt(std::string_view sealed, const key_ring& keys,
                                            std::string_view associated_data = {});

/// The key id a sealed text names, if it has the right form: a value whose key is not the
/// ring's current one is re-encrypted when keys rotate.
std::optional<std::string> sealed_key_id(std::string_view sealed);

}  // namespace auraos::runtime::crypto
