#include "runtime/crypto/secret_box.hpp"

#include <array>
#include <utility>

#include "runtime/crypto/aes_gcm.hpp"
#include "runtime/crypto/base64url.hpp"
#include "runtime/crypto/random.hpp"
#include "runtime/enum_names.hpp"

namespace auraos::runtime::crypto {
namespace {

constexpr std::string_view version = "v1";

constexpr std::array<std::pair<secret_problem, std::string_view>, 4> problem_names{{
    {secret_problem::unknown_key, "unknown_key"},
    {secret_problem::bad_format, "bad_format"},
    {secret_problem::authentication_failed, "authentication_failed"},
    {secret_problem::bad_key, "bad_key"},
}};

/// The parts of a sealed text, decoded.
struct sealed_parts {
  std::string key_id;
  std::string nonce;
  std::string ciphertext;  ///< Followed by the tag.
};

/// The four ':'-separated fields of `text`; nullopt for any other count.
std::optional<std::array<std::string_view, 4>> fields(std::string_view text) {
  std::array<std::string_view, 4> out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto colon = text.find(':');
    if ((colon == std::string_view::npos) != (i + 1 == out.size())) return std::nullopt;
    out[i] = text.substr(0, colon);
    text = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
  }
  return out;
}

std::optional<sealed_parts> parse(std::string_view text) {
  auto f = fields(text);
  if (!f || (*f)[0] != version || (*f)[1].empty()) return std::nullopt;
  auto nonce = base64url_decode((*f)[2]);
  auto ciphertext = base64url_decode((*f)[3]);
  if (!nonce || nonce->size() != gcm_nonce_bytes || !ciphertext ||
      ciphertext->size() < gcm_tag_bytes)
    return std::nullopt;
  return sealed_parts{std::string((*f)[1]), std::move(*nonce), std::move(*ciphertext)};
}

}  // namespace

std::string_view to_string(secret_problem problem) {
  return name_of(problem_names, problem);
}

result<std::string, secret_problem> encrypt(std::string_view plaintext, const key_ring& keys,
                                            std::string_view associated_data) {
  auto nonce = random_bytes(gcm_nonce_bytes);
  auto sealed = aes_gcm_seal(keys.current_key(), nonce, plaintext, associated_data);
  if (!sealed) return fail(secret_problem::bad_key);
  return std::string(version) + ":" + keys.current_id() + ":" + base64url_encode(nonce) + ":" +
         base64url_encode(*sealed);
}

result<std::string, secret_problem> decrypt(std::string_view sealed, const key_ring& keys,
                                            std::string_view associated_data) {
  auto parts = parse(sealed);
  if (!parts) return fail(secret_problem::bad_format);
  const auto* key = keys.find(parts->key_id);
  if (!key) return fail(secret_problem::unknown_key);
  if (key->size() != aes_key_bytes) return fail(secret_problem::bad_key);
  auto plaintext = aes_gcm_open(*key, parts->nonce, parts->ciphertext, associated_data);
  if (!plaintext) return fail(secret_problem::authentication_failed);
  return std::move(*plaintext);
}

std::optional<std::string> sealed_key_id(std::string_view sealed) {
  auto parts = parse(sealed);
  if (!parts) return std::nullopt;
  return std::move(parts->key_id);
}

}  // namespace auraos::runtime::crypto
