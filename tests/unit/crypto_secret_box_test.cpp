// Secrets at rest: AES-256-GCM round trips, tampering, associated data, key rotation, and the
// sealed text's form.
#include <string>

#include <boost/test/unit_test.hpp>

#include "runtime/crypto/base64url.hpp"
#include "runtime/crypto/secret_box.hpp"
#include "tests/unit/key_rings.hpp"

using namespace auraos::runtime::crypto;
using auraos::test::key_of;
using auraos::test::ring;

namespace {

std::string sealed_with(std::string_view plaintext, const key_ring& keys,
                        std::string_view associated_data = {}) {
  auto sealed = encrypt(plaintext, keys, associated_data);
  if (!sealed) BOOST_FAIL(to_string(sealed.error()));
  return *sealed;
}

std::string problem_of(std::string_view sealed, const key_ring& keys,
                       std::string_view associated_data = {}) {
  auto opened = decrypt(sealed, keys, associated_data);
  return opened ? "none" : std::string(to_string(opened.error()));
}

/// `sealed` with its last field's bytes changed at `index`.
std::string flip_ciphertext_byte(const std::string& sealed, std::size_t index) {
  auto at = sealed.rfind(':') + 1;
  auto bytes = base64url_decode(sealed.substr(at));
  BOOST_REQUIRE(bytes.has_value() && index < bytes->size());
  (*bytes)[index] = static_cast<char>((*bytes)[index] ^ 0x01);
  return sealed.substr(0, at) + base64url_encode(*bytes);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_secret_box_suite)

BOOST_AUTO_TEST_CASE(a_sealed_secret_opens_to_its_plaintext) {
  auto keys = ring({{"s1", key_of('k')}}, "s1");
  for (std::string plaintext : {std::string(""), std::string("hunter2"), std::string(10000, 'p'),
                                std::string("nul\0inside", 10)}) {
    auto sealed = sealed_with(plaintext, keys, "workflow/42");
    if (!plaintext.empty()) BOOST_TEST(sealed.find(plaintext) == std::string::npos);
    auto opened = decrypt(sealed, keys, "workflow/42");
    if (!opened) BOOST_FAIL(to_string(opened.error()));
    BOOST_TEST(*opened == plaintext);
  }
}

BOOST_AUTO_TEST_CASE(the_sealed_text_names_version_key_nonce_and_ciphertext) {
  auto keys = ring({{"s1", key_of('k')}}, "s1");
  auto sealed = sealed_with("hunter2", keys);
  BOOST_TEST(sealed.rfind("v1:s1:", 0) == 0u, sealed);
  auto nonce_end = sealed.find(':', 6);
  auto nonce = base64url_decode(sealed.substr(6, nonce_end - 6));
  BOOST_TEST_REQUIRE(nonce.has_value());
  BOOST_TEST(nonce->size() == 12u);
  auto body = base64url_decode(sealed.substr(nonce_end + 1));
  BOOST_TEST_REQUIRE(body.has_value());
  BOOST_TEST(body->size() == 7u + 16u, "ciphertext and tag");
  BOOST_TEST((sealed_key_id(sealed) == std::optional<std::string>("s1")));
}

BOOST_AUTO_TEST_CASE(each_seal_takes_a_fresh_nonce) {
  auto keys = ring({{"s1", key_of('k')}}, "s1");
  BOOST_TEST(sealed_with("same", keys) != sealed_with("same", keys));
}

BOOST_AUTO_TEST_CASE(a_tampered_ciphertext_or_tag_fails_authentication) {
  auto keys = ring({{"s1", key_of('k')}}, "s1");
  auto sealed = sealed_with("hunter2", keys);
  BOOST_TEST(problem_of(flip_ciphertext_byte(sealed, 0), keys) == "authentication_failed");
  BOOST_TEST(problem_of(flip_ciphertext_byte(sealed, 7), keys) == "authentication_failed",
             "the first tag byte");
  auto nonce_start = sealed.find(':', 3) + 1;
  auto other_nonce = sealed;
  other_nonce[nonce_start] = other_nonce[nonce_start] == 'A' ? 'B' : 'A';
  BOOST_TEST(problem_of(other_nonce, keys) == "authentication_failed");
}

BOOST_AUTO_TEST_CASE(wrong_associated_data_fails_authentication) {
  auto keys = ring({{"s1", key_of('k')}}, "s1");
  auto sealed = sealed_with("hunter2", keys, "record-1");
  BOOST_TEST(problem_of(sealed, keys, "record-1") == "none");
  BOOST_TEST(problem_of(sealed, keys, "record-2") == "authentication_failed");
  BOOST_TEST(problem_of(sealed, keys) == "authentication_failed");
  BOOST_TEST(problem_of(sealed_with("hunter2", keys), keys, "record-1") == "authentication_failed");
}

BOOST_AUTO_TEST_CASE(rotation_opens_old_secrets_until_their_key_is_removed) {
  auto before = ring({{"s1", key_of('k')}}, "s1");
  auto old_secret = sealed_with("hunter2", before);
  auto rotated = ring({{"s1", key_of('k')}, {"s2", key_of('m')}}, "s2");
  BOOST_TEST(problem_of(old_secret, rotated) == "none");
  auto new_secret = sealed_with("hunter2", rotated);
  BOOST_TEST((sealed_key_id(new_secret) == std::optional<std::string>("s2")));
  auto retired = ring({{"s2", key_of('m')}}, "s2");
  BOOST_TEST(problem_of(old_secret, retired) == "unknown_key");
  BOOST_TEST(problem_of(new_secret, retired) == "none");
}

BOOST_AUTO_TEST_CASE(the_same_key_id_with_another_key_fails_authentication) {
  auto sealed = sealed_with("hunter2", ring({{"s1", key_of('k')}}, "s1"));
  BOOST_TEST(problem_of(sealed, ring({{"s1", key_of('x')}}, "s1")) == "authentication_failed");
}

BOOST_AUTO_TEST_CASE(malformed_texts_are_refused_as_bad_format) {
  auto keys = ring({{"s1", key_of('k')}}, "s1");
  auto sealed = sealed_with("hunter2", keys);
  auto body = sealed.substr(sealed.rfind(':') + 1);
  for (std::string bad : {std::string(""), std::string("hunter2"), std::string("v1:s1"),
                          "v2" + sealed.substr(2), sealed + ":", "v1::" + sealed.substr(6),
                          sealed.substr(0, sealed.rfind(':')) + ":" + body + "=",
                          sealed.substr(0, sealed.rfind(':') + 1) + "AAAA", "v1:s1:AAAA:" + body}) {
    BOOST_TEST(problem_of(bad, keys) == "bad_format", bad);
    BOOST_TEST(!sealed_key_id(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_CASE(keys_that_are_not_aes_256_keys_are_refused) {
  auto long_key = ring({{"s1", std::string(48, 'k')}}, "s1");
  auto sealed = encrypt("hunter2", long_key);
  BOOST_TEST_REQUIRE(!sealed.has_value());
  BOOST_TEST(to_string(sealed.error()) == "bad_key");
  auto good = sealed_with("hunter2", ring({{"s1", key_of('k')}}, "s1"));
  BOOST_TEST(problem_of(good, long_key) == "bad_key");
}

BOOST_AUTO_TEST_SUITE_END()
