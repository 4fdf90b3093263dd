#include "runtime/crypto/aes_gcm.hpp"

#include <climits>
#include <memory>

#include <openssl/evp.h>

namespace auraos::runtime::crypto {
namespace {

struct context_free {
  void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
using context_ptr = std::unique_ptr<EVP_CIPHER_CTX, context_free>;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* bytes_of(std::string& text) {
  return reinterpret_cast<unsigned char*>(text.data());
}

/// A context set up to encrypt (`encrypt` true) or decrypt under `key` and `nonce`, with
/// `associated_data` fed in; nullptr when the sizes are wrong or OpenSSL fails.
context_ptr start(bool encrypt, std::string_view key, std::string_view nonce,
                  std::string_view associated_data) {
  if (key.size() != aes_key_bytes || nonce.size() != gcm_nonce_bytes ||
      associated_data.size() > INT_MAX)
    return nullptr;
  context_ptr context{EVP_CIPHER_CTX_new()};
  int unused = 0;
  if (!context ||
      EVP_CipherInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes_of(key), bytes_of(nonce),
                        encrypt ? 1 : 0) != 1 ||
      (!associated_data.empty() &&
       EVP_CipherUpdate(context.get(), nullptr, &unused, bytes_of(associated_data),
                        static_cast<int>(associated_data.size())) != 1))
    return nullptr;
  return context;
}

/// Runs `input` through `context` into `out` (sized for it); false when OpenSSL fails.
bool run(EVP_CIPHER_CTX* context, std::string_view input, std::string& out) {
  int length = 0;
  if (input.size() > INT_MAX) return false;
  if (!input.empty() && EVP_CipherUpdate(context, bytes_of(out), &length, bytes_of(input),
                                         static_cast<int>(input.size())) != 1)
    return false;
  return static_cast<std::size_t>(length) == input.size();
}

}  // namespace

std::optional<std::string> aes_gcm_seal(std::string_view key, std::string_view nonce,
                                        std::string_view plaintext,
                                        std::string_view associated_data) {
  auto context = start(true, key, nonce, associated_data);
  std::string out(plaintext.size() + gcm_tag_bytes, '\0');
  int final_length = 0;
  if (!context || !run(context.get(), plaintext, out) ||
      EVP_CipherFinal_ex(context.get(), bytes_of(out) + plaintext.size(), &final_length) != 1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, gcm_tag_bytes,
                          bytes_of(out) + plaintext.size()) != 1)
    return std::nullopt;
  return out;
}

std::optional<std::string> aes_gcm_open(std::string_view key, std::string_view nonce,
                                        std::string_view sealed, std::string_view associated_data) {
  if (sealed.size() < gcm_tag_bytes) return std::nullopt;
  auto ciphertext = sealed.substr(0, sealed.size() - gcm_tag_bytes);
  std::string tag(sealed.substr(ciphertext.size()));
  auto context = start(false, key, nonce, associated_data);
  std::string out(ciphertext.size(), '\0');
  int final_length = 0;
  if (!context || !run(context.get(), ciphertext, out) ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, gcm_tag_bytes, tag.data()) != 1 ||
      EVP_CipherFinal_ex(context.get(), bytes_of(out) + ciphertext.size(), &final_length) != 1)
    return std::nullopt;
  return out;
}

}  // namespace auraos::runtime::crypto
