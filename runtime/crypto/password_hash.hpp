#pragma once
// Password hashes: argon2id with libsodium's interactive limits, in libsodium's encoded form
// (`$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>`), which carries its own salt and limits.

#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace auraos::runtime::crypto {

/// The argon2id hash of `password` with a fresh random salt; an error only when the memory the
/// hash needs (64 MiB) cannot be had.
result<std::string, std::string> hash_password(std::string_view password);

/// True when `password` matches `encoded_hash`; false for any other password or a malformed
/// hash. Takes as long as hashing does.
bool verify_password(std::string_view password, std::string_view encoded_hash);

/// True when `encoded_hash` is not an argon2id hash with the current limits (or is malformed):
/// after a successful login, hash the password again and store the new hash.
bool needs_rehash(std::string_view encoded_hash);

}  // namespace auraos::runtime::crypto
