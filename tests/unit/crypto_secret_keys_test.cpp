// The node's secrets key ring as services share it: sealing and opening bound to a record id,
// the key file read again when it changes (rotation) or when a value names a key the ring
// lacks, and a broken file that leaves the old keys in place.
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "runtime/crypto/node_keys.hpp"
#include "runtime/crypto/secret_box.hpp"
#include "runtime/crypto/secret_keys.hpp"
#include "tests/support/temp_dir.hpp"

using namespace auraos::runtime::crypto;

namespace {

std::shared_ptr<secret_keys> keys_at(const std::string& file) {
  auto keys = secret_keys::from_file(file);
  if (!keys) BOOST_FAIL(keys.error());
  return *keys;
}

std::string sealed(secret_keys& keys, const std::string& plain, const std::string& id) {
  auto out = keys.seal(plain, id);
  if (!out) BOOST_FAIL(out.error());
  return *out;
}

/// Rotates the `secrets` ring of the key file in place.
void rotate_file(const std::string& file) {
  auto loaded = load_node_keys(file);
  BOOST_REQUIRE(loaded.has_value());
  BOOST_REQUIRE(!save_node_keys(file, with_rotated_key(*loaded, key_purpose::secrets)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_secret_keys)

BOOST_AUTO_TEST_CASE(a_missing_key_file_is_created_and_values_open_only_for_their_record) {
  auraos::test::temp_dir dir;
  auto file = dir.file("keys/keys.json");
  auto keys = keys_at(file);
  BOOST_TEST(std::filesystem::exists(file));
  BOOST_TEST(keys->current_id() == "k1");
  auto value = sealed(*keys, "s3cr3t", "exec-1");
  BOOST_TEST(value.rfind("v1:k1:", 0) == 0u);
  BOOST_TEST(value.find("s3cr3t") == std::string::npos);
  BOOST_TEST(keys->open(value, "exec-1").value() == "s3cr3t");
  auto elsewhere = keys->open(value, "exec-2");
  BOOST_REQUIRE(!elsewhere.has_value());
  BOOST_TEST(elsewhere.error().find("authentication_failed") != std::string::npos);
  BOOST_TEST(elsewhere.error().find("s3cr3t") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_rotated_file_is_read_again_and_old_values_still_open) {
  auraos::test::temp_dir dir;
  auto file = dir.file("keys.json");
  auto keys = keys_at(file);
  auto old_value = sealed(*keys, "old", "e1");
  BOOST_TEST(keys->reload_if_changed().value() == false);
  rotate_file(file);
  BOOST_TEST(keys->reload_if_changed().value() == true);
  BOOST_TEST(keys->current_id() == "k2");
  BOOST_TEST(sealed(*keys, "new", "e2").rfind("v1:k2:", 0) == 0u);
  BOOST_TEST(keys->open(old_value, "e1").value() == "old");
  BOOST_TEST(keys->reload_if_changed().value() == false);
}

BOOST_AUTO_TEST_CASE(a_value_under_an_unknown_key_reads_the_file_again_first) {
  auraos::test::temp_dir dir;
  auto file = dir.file("keys.json");
  auto reader = keys_at(file);
  rotate_file(file);
  auto writer = keys_at(file);  // another node that saw the rotated file first
  auto value = sealed(*writer, "fresh", "e1");
  BOOST_TEST(reader->open(value, "e1").value() == "fresh");
  BOOST_TEST(reader->current_id() == "k2");
}

BOOST_AUTO_TEST_CASE(a_broken_key_file_leaves_the_old_keys) {
  auraos::test::temp_dir dir;
  auto file = dir.file("keys.json");
  auto keys = keys_at(file);
  auto value = sealed(*keys, "kept", "e1");
  std::ofstream{file, std::ios::trunc} << "{ not a key file";
  auto reloaded = keys->reload_if_changed();
  BOOST_REQUIRE(!reloaded.has_value());
  BOOST_TEST(reloaded.error().find(file) != std::string::npos);
  BOOST_TEST(keys->open(value, "e1").value() == "kept");
  auto unknown = keys->open("v1:k9:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA", "e1");
  BOOST_REQUIRE(!unknown.has_value());
  BOOST_TEST(unknown.error().find("'k9'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_ephemeral_ring_seals_and_opens_in_the_process) {
  auto keys = secret_keys::ephemeral();
  auto value = sealed(*keys, "run", "e1");
  BOOST_TEST(keys->open(value, "e1").value() == "run");
  BOOST_TEST(keys->reload_if_changed().value() == false);
  BOOST_TEST(secret_keys::ephemeral()->open(value, "e1").has_value() == false);
}

BOOST_AUTO_TEST_SUITE_END()
