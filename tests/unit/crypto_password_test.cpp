// Password hashes: argon2id with the interactive limits, verify, mismatch and rehash.
#include <string>

#include <boost/test/unit_test.hpp>

#include "runtime/crypto/password_hash.hpp"

using namespace auraos::runtime::crypto;

BOOST_AUTO_TEST_SUITE(crypto_password_suite)

BOOST_AUTO_TEST_CASE(a_hash_verifies_its_password_only) {
  auto hash = hash_password("correct horse battery staple");
  if (!hash) BOOST_FAIL(hash.error());
  BOOST_TEST(hash->rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0) == 0u, *hash);
  BOOST_TEST(verify_password("correct horse battery staple", *hash));
  BOOST_TEST(!verify_password("correct horse battery stapl", *hash));
  BOOST_TEST(!verify_password("", *hash));
  BOOST_TEST(!needs_rehash(*hash));
}

BOOST_AUTO_TEST_CASE(the_same_password_hashes_differently_each_time) {
  auto first = hash_password("s3cret");
  auto second = hash_password("s3cret");
  BOOST_TEST_REQUIRE((first.has_value() && second.has_value()));
  BOOST_TEST(*first != *second, "a fresh salt every time");
  BOOST_TEST(verify_password("s3cret", *second));
}

BOOST_AUTO_TEST_CASE(passwords_with_nul_bytes_are_hashed_whole) {
  const std::string with_nul("ab\0cd", 5);
  auto hash = hash_password(with_nul);
  BOOST_TEST_REQUIRE(hash.has_value());
  BOOST_TEST(verify_password(with_nul, *hash));
  BOOST_TEST(!verify_password("ab", *hash));
}

BOOST_AUTO_TEST_CASE(malformed_hashes_never_verify_and_need_a_rehash) {
  for (std::string bad :
       {std::string(""), std::string("plain"), std::string("$argon2id$"), std::string(200, 'x')}) {
    BOOST_TEST(!verify_password("plain", bad), bad);
    BOOST_TEST(needs_rehash(bad), bad);
  }
}

BOOST_AUTO_TEST_CASE(a_hash_with_other_limits_needs_a_rehash) {
  auto hash = hash_password("pw");
  BOOST_TEST_REQUIRE(hash.has_value());
  auto weaker = *hash;
  weaker.replace(weaker.find("t=2"), 3, "t=1");
  BOOST_TEST(needs_rehash(weaker));
  BOOST_TEST(!verify_password("pw", weaker), "the limits are part of what is verified");
}

BOOST_AUTO_TEST_SUITE_END()
