#include "runtime/crypto/password_hash.hpp"

#include <array>
#include <optional>

#include <sodium.h>

#include "runtime/crypto/sodium_start.hpp"

namespace auraos::runtime::crypto {
namespace {

constexpr auto ops_limit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
constexpr auto mem_limit = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;

/// `encoded` as the NUL-terminated buffer libsodium reads; nullopt when it cannot be a hash.
std::optional<std::array<char, crypto_pwhash_STRBYTES>> hash_buffer(std::string_view encoded) {
  if (encoded.size() >= crypto_pwhash_STRBYTES) return std::nullopt;
  std::array<char, crypto_pwhash_STRBYTES> buffer{};
  encoded.copy(buffer.data(), encoded.size());
  return buffer;
}

}  // namespace

result<std::string, std::string> hash_password(std::string_view password) {
  start_sodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), ops_limit, mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return fail(std::string("argon2id: not enough memory to hash the password"));
  return std::string(out.data());
}

bool verify_password(std::string_view password, std::string_view encoded_hash) {
  start_sodium();
  auto buffer = hash_buffer(encoded_hash);
  return buffer && crypto_pwhash_str_verify(buffer->data(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view encoded_hash) {
  start_sodium();
  auto buffer = hash_buffer(encoded_hash);
  return !buffer ||
         crypto_pwhash_argon2id_str_needs_rehash(buffer->data(), ops_limit, mem_limit) != 0;
}

}  // namespace auraos::runtime::crypto
