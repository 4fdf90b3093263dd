#include "runtime/crypto/random.hpp"

#include <array>

#include <sodium.h>

#include "runtime/crypto/base64url.hpp"
#include "runtime/crypto/sodium_start.hpp"

namespace auraos::runtime::crypto {

std::string random_bytes(std::size_t count) {
  start_sodium();
  std::string out(count, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

std::string random_token(std::size_t bytes) {
  return base64url_encode(random_bytes(bytes));
}

std::string sha256_hex(std::string_view text) {
  start_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace auraos::runtime::crypto
