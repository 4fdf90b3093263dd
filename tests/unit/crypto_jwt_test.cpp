// Signed access tokens: round trip, tampering, algorithms, key ids, rotation, and tokens made by
// another implementation (Python's hmac) with a known key.
#include <string>

#include <boost/test/unit_test.hpp>

#include "runtime/crypto/base64url.hpp"
#include "runtime/crypto/jwt.hpp"
#include "tests/unit/key_rings.hpp"

using namespace auraos::runtime::crypto;
using namespace auraos::runtime::security;
using auraos::test::key_of;
using auraos::test::ring;

namespace {

token_claims carol() {
  const std::chrono::sys_seconds issued{std::chrono::seconds{1'700'000'000}};
  return {"u-3",
          "carol",
          "viewer",
          {permission::workflow_read},
          "jti-3",
          issued,
          issued + std::chrono::minutes{15},
          ""};
}

std::string problem_of(std::string_view token, const key_ring& keys) {
  auto verified = verify_token(token, keys);
  return verified ? "none" : std::string(to_string(verified.error()));
}

/// `token` with segment `index` replaced by `segment`.
std::string with_segment(const std::string& token, int index, const std::string& segment) {
  auto first = token.find('.');
  auto second = token.find('.', first + 1);
  std::string parts[3] = {token.substr(0, first), token.substr(first + 1, second - first - 1),
                          token.substr(second + 1)};
  parts[index] = segment;
  return parts[0] + "." + parts[1] + "." + parts[2];
}

/// The python-made tokens below use this key under the id "py".
const std::string python_key = "0123456789abcdef0123456789abcdef";

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_jwt_suite)

BOOST_AUTO_TEST_CASE(a_signed_token_verifies_to_its_claims) {
  auto keys = ring({{"k1", key_of('a')}}, "k1");
  auto token = sign_token(carol(), keys);
  auto header = base64url_decode(token.substr(0, token.find('.')));
  BOOST_TEST_REQUIRE(header.has_value());
  BOOST_TEST(*header == R"({"alg":"HS256","kid":"k1","typ":"JWT"})");
  auto verified = verify_token(token, keys);
  if (!verified) BOOST_FAIL(to_string(verified.error()));
  BOOST_TEST(verified->key_id == "k1");
  BOOST_TEST(verified->subject == "u-3");
  BOOST_TEST(verified->user_name == "carol");
  BOOST_TEST((verified->permissions == permission_set{permission::workflow_read}));
  BOOST_TEST((verified->expires_at == carol().expires_at));
}

BOOST_AUTO_TEST_CASE(a_tampered_payload_fails_the_signature) {
  auto keys = ring({{"k1", key_of('a')}}, "k1");
  auto token = sign_token(carol(), keys);
  auto promoted = carol();
  promoted.permissions = {permission::admin};
  auto forged = sign_token(promoted, keys);
  auto payload = forged.substr(forged.find('.') + 1, forged.rfind('.') - forged.find('.') - 1);
  BOOST_TEST(problem_of(with_segment(token, 1, payload), keys) == "bad_signature");
}

BOOST_AUTO_TEST_CASE(a_tampered_signature_fails) {
  auto keys = ring({{"k1", key_of('a')}}, "k1");
  auto token = sign_token(carol(), keys);
  auto sig = token.substr(token.rfind('.') + 1);
  sig[0] = sig[0] == 'A' ? 'B' : 'A';
  BOOST_TEST(problem_of(with_segment(token, 2, sig), keys) == "bad_signature");
  BOOST_TEST(problem_of(with_segment(token, 2, ""), keys) == "bad_signature");
  BOOST_TEST(problem_of(with_segment(token, 2, sig.substr(0, 22)), keys) == "bad_signature");
  auto other = ring({{"k1", key_of('b')}}, "k1");
  BOOST_TEST(problem_of(token, other) == "bad_signature", "same kid, other key");
}

BOOST_AUTO_TEST_CASE(only_hs256_is_accepted) {
  auto keys = ring({{"k1", key_of('a')}}, "k1");
  auto token = sign_token(carol(), keys);
  for (std::string header : {R"({"alg":"none","kid":"k1"})", R"({"alg":"None","kid":"k1"})",
                             R"({"alg":"HS512","kid":"k1"})", R"({"alg":"RS256","kid":"k1"})",
                             R"({"kid":"k1"})", R"({"alg":["HS256"],"kid":"k1"})"}) {
    auto forged = with_segment(token, 0, base64url_encode(header));
    BOOST_TEST(problem_of(forged, keys) == "bad_algorithm", header);
    BOOST_TEST(problem_of(with_segment(forged, 2, ""), keys) == "bad_algorithm", header);
  }
}

BOOST_AUTO_TEST_CASE(unknown_or_missing_key_ids_are_refused) {
  auto signer = ring({{"k9", key_of('z')}}, "k9");
  auto verifier = ring({{"k1", key_of('a')}}, "k1");
  BOOST_TEST(problem_of(sign_token(carol(), signer), verifier) == "unknown_key");
  auto token = sign_token(carol(), verifier);
  for (std::string header :
       {R"({"alg":"HS256"})", R"({"alg":"HS256","kid":1})", R"({"alg":"HS256","kid":"K1"})"})
    BOOST_TEST(
        problem_of(with_segment(token, 0, base64url_encode(header)), verifier) == "unknown_key",
        header);
}

BOOST_AUTO_TEST_CASE(rotation_keeps_old_tokens_valid_while_their_key_stays) {
  auto before = ring({{"k1", key_of('a')}}, "k1");
  auto old_token = sign_token(carol(), before);
  auto rotated = ring({{"k1", key_of('a')}, {"k2", key_of('b')}}, "k2");
  auto old_verified = verify_token(old_token, rotated);
  BOOST_TEST_REQUIRE(old_verified.has_value());
  BOOST_TEST(old_verified->key_id == "k1");
  auto new_token = sign_token(carol(), rotated);
  auto new_verified = verify_token(new_token, rotated);
  BOOST_TEST_REQUIRE(new_verified.has_value());
  BOOST_TEST(new_verified->key_id == "k2");
  auto retired = ring({{"k2", key_of('b')}}, "k2");
  BOOST_TEST(problem_of(old_token, retired) == "unknown_key");
  BOOST_TEST(problem_of(new_token, retired) == "none");
}

BOOST_AUTO_TEST_CASE(malformed_tokens_are_refused) {
  auto keys = ring({{"k1", key_of('a')}}, "k1");
  auto token = sign_token(carol(), keys);
  auto header = token.substr(0, token.find('.'));
  for (std::string bad :
       {std::string(""), std::string("."), std::string(".."), std::string("a.b"), token + ".x",
        token.substr(0, token.rfind('.')), with_segment(token, 0, header + "="),
        with_segment(token, 0, " " + header), with_segment(token, 0, base64url_encode("not json")),
        with_segment(token, 0, base64url_encode("[]"))})
    BOOST_TEST(problem_of(bad, keys) == "malformed", bad);
}

BOOST_AUTO_TEST_CASE(tokens_from_another_implementation_verify) {
  auto keys = ring({{"py", python_key}}, "py");
  const std::string token =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InB5In0."
      "eyJzdWIiOiJ1LTkiLCJuYW1lIjoiYm9iIiwicm9sZSI6InZpZXdlciIsInBlcm1zIjpbImV2ZW50OnJlYWQiXSwi"
      "anRpIjoiai05IiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDA2MDB9."
      "PUodqWMb4GmzZdO7fD2tPhoXwvg7DymexFVvXEUIQ24";
  auto verified = verify_token(token, keys);
  if (!verified) BOOST_FAIL(to_string(verified.error()));
  BOOST_TEST(verified->user_name == "bob");
  BOOST_TEST(verified->token_id == "j-9");
  BOOST_TEST((verified->permissions == permission_set{permission::event_read}));
}

BOOST_AUTO_TEST_CASE(signed_payloads_that_are_not_claims_or_with_crit_are_refused) {
  auto keys = ring({{"py", python_key}}, "py");
  BOOST_TEST(problem_of("eyJhbGciOiJIUzI1NiIsImtpZCI6InB5In0.eyJzdWIiOiJ1LTkifQ."
                        "EjnjSglMud6kOvlWOiPbCAKRiDGzDDvIQVf53diaeI4",
                        keys) == "bad_claims");
  BOOST_TEST(
      problem_of("eyJhbGciOiJIUzI1NiIsImtpZCI6InB5IiwiY3JpdCI6WyJleHAiXX0.eyJzdWIiOiJ1LTkifQ."
                 "x_HAmdwt5bXOofG5P5uPTQTc7JpHiRuPLeyWeaf80fQ",
                 keys) == "bad_algorithm");
}

BOOST_AUTO_TEST_SUITE_END()
