// Randomness, token hashes, strict base64url and the key ring's rules.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "runtime/crypto/base64url.hpp"
#include "runtime/crypto/key_ring.hpp"
#include "runtime/crypto/random.hpp"

using namespace auraos::runtime::crypto;

BOOST_AUTO_TEST_SUITE(crypto_random_suite)

BOOST_AUTO_TEST_CASE(random_bytes_have_the_asked_length_and_differ) {
  BOOST_TEST(random_bytes(0).empty());
  BOOST_TEST(random_bytes(12).size() == 12u);
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(random_bytes(16));
  BOOST_TEST(seen.size() == 100u);
}

BOOST_AUTO_TEST_CASE(random_tokens_are_url_safe) {
  auto token = random_token();
  BOOST_TEST(token.size() == 43u, token);
  BOOST_TEST(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789-_") == std::string::npos,
             token);
  BOOST_TEST(random_token(16).size() == 22u);
  BOOST_TEST(random_token() != random_token());
}

BOOST_AUTO_TEST_CASE(sha256_hex_matches_the_standard_vectors) {
  BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(sha256_hex("abc") ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(base64url_matches_rfc_4648_without_padding) {
  BOOST_TEST(base64url_encode("") == "");
  BOOST_TEST(base64url_encode("f") == "Zg");
  BOOST_TEST(base64url_encode("fo") == "Zm8");
  BOOST_TEST(base64url_encode("foo") == "Zm9v");
  BOOST_TEST(base64url_encode("\xfb\xff") == "-_8");
  for (std::string bytes : {std::string(""), std::string("f"), std::string("\0\xff\x10", 3),
                            std::string(257, '\x80')}) {
    auto back = base64url_decode(base64url_encode(bytes));
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(*back == bytes);
  }
}

BOOST_AUTO_TEST_CASE(base64url_decoding_is_strict) {
  const std::vector<std::string> refused{"Zg==",  "Zg=",    "Z",   "Zh",    "Zm9",
                                         "Zm 9v", "Zm9v\n", "+/8", "Zm9v!", std::string("Zg\0", 3)};
  for (const auto& bad : refused) BOOST_TEST(!base64url_decode(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(key_rings_check_ids_sizes_and_the_current_key) {
  const std::string key(32, 'k');
  auto good = key_ring::make({{"2024-01.a_B", key}, {"k2", std::string(64, 'x')}}, "k2");
  if (!good) BOOST_FAIL(good.error());
  BOOST_TEST(good->current_id() == "k2");
  BOOST_TEST(good->current_key() == std::string(64, 'x'));
  BOOST_TEST(*good->find("2024-01.a_B") == key);
  BOOST_TEST(good->find("k3") == nullptr);
  BOOST_TEST((good->ids() == std::set<std::string>{"2024-01.a_B", "k2"}));
  struct refused {
    std::map<std::string, std::string> keys;
    std::string current;
    std::string says;
  };
  for (const auto& [keys, current, says] : std::vector<refused>{
           {{{"k1", std::string(31, 'k')}}, "k1", "has 31 bytes; a key needs at least 32"},
           {{{"k:1", key}}, "k:1", "key id 'k:1' must have"},
           {{{"", key}}, "", "key id '' must have"},
           {{{std::string(65, 'k'), key}}, std::string(65, 'k'), "1 to 64"},
           {{{"k1", key}}, "k2", "the current key id 'k2' is not in the key ring"},
           {{}, "k1", "not in the key ring"}}) {
    auto made = key_ring::make(keys, current);
    BOOST_TEST_REQUIRE(!made.has_value(), current);
    BOOST_TEST(made.error().find(says) != std::string::npos, made.error());
  }
}

BOOST_AUTO_TEST_SUITE_END()
