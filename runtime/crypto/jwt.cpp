#include "runtime/crypto/jwt.hpp"

#include <array>
#include <optional>
#include <utility>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <nlohmann/json.hpp>

#include "runtime/crypto/base64url.hpp"
#include "runtime/enum_names.hpp"
#include "runtime/security/claims_json.hpp"

namespace auraos::runtime::crypto {
namespace {

using nlohmann::json;
using signature = std::array<unsigned char, 32>;

constexpr std::array<std::pair<jwt_problem, std::string_view>, 5> problem_names{{
    {jwt_problem::malformed, "malformed"},
    {jwt_problem::bad_algorithm, "bad_algorithm"},
    {jwt_problem::unknown_key, "unknown_key"},
    {jwt_problem::bad_signature, "bad_signature"},
    {jwt_problem::bad_claims, "bad_claims"},
}};

/// HMAC-SHA256 of `data` under `key`; nullopt when OpenSSL fails (out of memory).
std::optional<signature> hmac_sha256(const std::string& key, std::string_view data) {
  signature mac{};
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac.data(),
            &length) ||
      length != mac.size())
    return std::nullopt;
  return mac;
}

/// The three dot-separated segments of a compact token; nullopt for any other count.
std::optional<std::array<std::string_view, 3>> segments(std::string_view token) {
  auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  auto second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    return std::nullopt;
  return std::array<std::string_view, 3>{token.substr(0, first),
                                         token.substr(first + 1, second - first - 1),
                                         token.substr(second + 1)};
}

/// The key id a header names, once it is checked: HS256, no `crit`, a string `kid`.
result<std::string, jwt_problem> header_key_id(std::string_view encoded_header) {
  auto text = base64url_decode(encoded_header);
  if (!text) return fail(jwt_problem::malformed);
  auto header = json::parse(*text, nullptr, false);
  if (!header.is_object()) return fail(jwt_problem::malformed);
  auto alg = header.find("alg");
  if (alg == header.end() || *alg != "HS256" || header.contains("crit"))
    return fail(jwt_problem::bad_algorithm);
  auto kid = header.find("kid");
  if (kid == header.end() || !kid->is_string()) return fail(jwt_problem::unknown_key);
  return kid->get<std::string>();
}

bool signature_matches(std::string_view encoded_signature, const std::string& key,
                       std::string_view signed_part) {
  auto given = base64url_decode(encoded_signature);
  if (!given || given->size() != signature{}.size()) return false;
  auto expected = hmac_sha256(key, signed_part);
  return expected && CRYPTO_memcmp(given->data(), expected->data(), expected->size()) == 0;
}

}  // namespace

std::string_view to_string(jwt_problem problem) {
  return name_of(problem_names, problem);
}

std::string sign_token(const security::token_claims& claims, const key_ring& keys) {
  json header{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", keys.current_id()}};
  auto signed_part =
      base64url_encode(header.dump()) + "." + base64url_encode(security::claims_to_json(claims));
  auto mac = hmac_sha256(keys.current_key(), signed_part);
  if (!mac) return {};
  return signed_part + "." +
         base64url_encode({reinterpret_cast<const char*>(mac->data()), mac->size()});
}

result<security::token_claims, jwt_problem> verify_token(std::string_view token,
                                                         const key_ring& keys) {
  auto parts = segments(token);
  if (!parts) return fail(jwt_problem::malformed);
  auto kid = header_key_id((*parts)[0]);
  if (!kid) return fail(kid.error());
  const auto* key = keys.find(*kid);
  if (!key) return fail(jwt_problem::unknown_key);
  auto signed_part = token.substr(0, (*parts)[0].size() + 1 + (*parts)[1].size());
  if (!signature_matches((*parts)[2], *key, signed_part)) return fail(jwt_problem::bad_signature);
  auto payload = base64url_decode((*parts)[1]);
  auto claims = payload ? security::claims_from_json(*payload) : std::nullopt;
  if (!claims) return fail(jwt_problem::bad_claims);
  claims->key_id = std::move(*kid);
  return std::move(*claims);
}

}  // namespace auraos::runtime::crypto
