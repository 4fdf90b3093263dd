// The HTTPS certificate of the gateway: loading PEM files (errors name the file), and a reload
// that swaps the context for new connections or keeps the old one when the files are bad.
#include <filesystem>
#include <fstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "gateway/tls_identity.hpp"
#include "tests/support/cluster_certs.hpp"
#include "tests/support/process.hpp"

using auraos::gateway::load_tls_certificate;
using auraos::gateway::tls_identity;

namespace {

std::string fingerprint_of(const std::string& cert_file) {
  auto printed = auraos::test::run_process(
      {"openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert_file});
  auto text = printed.out.substr(printed.out.find('=') + 1);
  return text.substr(0, text.find_last_not_of("\r\n") + 1);
}

void copy_over(const std::string& from, const std::string& to) {
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_tls_suite)

BOOST_AUTO_TEST_CASE(a_certificate_and_its_key_load_with_their_names) {
  auraos::test::cluster_certs certs;
  auto files = certs.node("server-a");
  auto loaded = load_tls_certificate(files.certificate, files.key);
  BOOST_TEST_REQUIRE(loaded.has_value(), (loaded ? std::string() : loaded.error()));
  BOOST_TEST(loaded->context != nullptr);
  BOOST_TEST(loaded->subject == "CN=server-a");
  BOOST_TEST(loaded->fingerprint == fingerprint_of(files.certificate));
  BOOST_TEST(!loaded->expired);
  BOOST_TEST(!loaded->not_after.empty());
}

BOOST_AUTO_TEST_CASE(bad_files_are_refused_naming_the_file) {
  auraos::test::cluster_certs certs;
  auto a = certs.node("server-a");
  auto b = certs.node("server-b");
  auto garbage = certs.dir().file("garbage.pem");
  std::ofstream{garbage} << "hello\n";
  struct bad_case {
    std::string cert;
    std::string key;
    std::string says;
  };
  for (const auto& [cert, key, says] : {
           bad_case{certs.dir().file("missing.pem"), a.key,
                    "TLS certificate " + certs.dir().file("missing.pem") + ": "},
           bad_case{a.certificate, certs.dir().file("missing.key"),
                    "TLS key " + certs.dir().file("missing.key") + ": "},
           bad_case{garbage, a.key, "TLS certificate " + garbage + ": not a PEM certificate"},
           bad_case{a.certificate, garbage, "TLS key " + garbage + ": not an unencrypted PEM"},
           bad_case{a.certificate, b.key, "TLS key " + b.key + ": "},
       }) {
    auto loaded = load_tls_certificate(cert, key);
    BOOST_TEST_CONTEXT(says) {
      BOOST_REQUIRE(!loaded.has_value());
      BOOST_TEST(loaded.error().find(says) == 0, loaded.error());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_reload_swaps_the_context_and_a_bad_one_keeps_the_old) {
  auraos::test::cluster_certs certs;
  auto a = certs.node("server-a");
  auto b = certs.node("server-b");
  auto cert = certs.dir().file("served.pem");
  auto key = certs.dir().file("served.key");
  copy_over(a.certificate, cert);
  copy_over(a.key, key);
  auto identity = tls_identity::load(cert, key);
  BOOST_TEST_REQUIRE(identity.has_value(), (identity ? std::string() : identity.error()));
  auto first = (*identity)->context();
  BOOST_TEST((*identity)->current().subject == "CN=server-a");

  copy_over(b.certificate, cert);
  copy_over(b.key, key);
  auto reloaded = (*identity)->reload();
  BOOST_TEST_REQUIRE(reloaded.has_value(), (reloaded ? std::string() : reloaded.error()));
  BOOST_TEST(reloaded->subject == "CN=server-b");
  BOOST_TEST((*identity)->context() != first);
  BOOST_TEST((*identity)->current().fingerprint == fingerprint_of(b.certificate));

  std::ofstream{key, std::ios::trunc} << "not a key\n";
  auto refused = (*identity)->reload();
  BOOST_REQUIRE(!refused.has_value());
  BOOST_TEST(refused.error().find("TLS key " + key) == 0, refused.error());
  BOOST_TEST((*identity)->current().subject == "CN=server-b");
}

BOOST_AUTO_TEST_SUITE_END()
