// The node's key file (runtime/crypto/node_keys.hpp): created once with mode 0600, read back
// equal, refused with a message naming the field when malformed, and rotated keeping old keys.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "runtime/crypto/node_keys.hpp"

namespace crypto = auraos::runtime::crypto;
namespace fs = std::filesystem;

namespace {

struct temp_dir {
  fs::path path = fs::temp_directory_path() / ("auraos-keys-" + std::to_string(::getpid()));
  temp_dir() { fs::create_directories(path); }
  ~temp_dir() { fs::remove_all(path); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(node_keys)

BOOST_AUTO_TEST_CASE(a_missing_file_is_created_private_and_read_back_the_same) {
  temp_dir dir;
  auto file = (dir.path / "sub" / "keys.json").string();
  auto made = crypto::load_or_create_node_keys(file);
  BOOST_TEST_REQUIRE(made.has_value(), (made ? std::string{} : made.error()));
  struct stat info {};
  BOOST_TEST_REQUIRE(::stat(file.c_str(), &info) == 0);
  BOOST_TEST((info.st_mode & 0777) == 0600u);
  auto again = crypto::load_or_create_node_keys(file);
  BOOST_TEST_REQUIRE(again.has_value());
  BOOST_TEST(again->signing.current_key() == made->signing.current_key());
  BOOST_TEST(again->secrets.current_key() == made->secrets.current_key());
  BOOST_TEST(made->signing.current_key() != made->secrets.current_key());
}

BOOST_AUTO_TEST_CASE(a_malformed_file_is_refused_naming_the_field) {
  auto text = [](const char* json) { return crypto::parse_node_keys(json); };
  BOOST_TEST(text("[]").error() == "not a JSON object");
  BOOST_TEST(text("{}").error() == "'signing' is missing or not an object");
  auto keys = crypto::node_keys_json(crypto::generate_node_keys());
  auto short_key = R"({"signing":{"current":"s1","keys":{"s1":"AAAA"}},)"
                   R"("secrets":{"current":"k1","keys":{"k1":"AAAA"}}})";
  BOOST_TEST(text(short_key).error().find("'signing'") == 0u);
  BOOST_TEST(crypto::parse_node_keys(keys).has_value());
  BOOST_TEST(!crypto::load_node_keys("/nonexistent/keys.json").has_value());
}

BOOST_AUTO_TEST_CASE(rotation_adds_a_new_current_key_and_keeps_the_old_ones) {
  auto keys = crypto::generate_node_keys();
  auto rotated = crypto::with_rotated_key(keys, crypto::key_purpose::signing);
  BOOST_TEST(rotated.signing.current_id() == "s2");
  BOOST_TEST(rotated.signing.ids().size() == 2u);
  BOOST_TEST(*rotated.signing.find("s1") == keys.signing.current_key());
  BOOST_TEST(rotated.secrets.current_id() == "k1");
  auto twice = crypto::with_rotated_key(rotated, crypto::key_purpose::secrets);
  BOOST_TEST(twice.secrets.current_id() == "k2");
}

BOOST_AUTO_TEST_SUITE_END()
