// Signing in to the dashboard in Debian's chromium (playwright-core) against a real node with
// authentication: the node (`serve --auth`, first admin from AURAOS_ADMIN_PASSWORD, access
// tokens of 12 s so the page renews one while the test runs) is started here;
// tests/browser/auth.test.mjs adds the users through the API and drives the browser.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/auth_node.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {
namespace {

using namespace std::chrono_literals;

/// Seconds an access token lives on this node: short, so the page must renew it.
constexpr int access_token_seconds = 12;

std::string artifacts_dir() {
  const char* dir = std::getenv("AURAOS_ARTIFACTS_DIR");
  return dir ? dir : "browser-artifacts";
}

/// A config file in `dir` with the short access-token lifetime; its path.
std::string short_token_config(const temp_dir& dir) {
  auto path = dir.file("config.json");
  std::ofstream{path} << nlohmann::json{{"accessTokenTtlSeconds", access_token_seconds}}.dump();
  return path;
}

BOOST_AUTO_TEST_CASE(dashboard_signs_in_hides_what_the_role_lacks_and_signs_out_in_chromium) {
  temp_dir conf;
  auth_node node{{"--config", short_token_config(conf)}};

  std::filesystem::create_directories(artifacts_dir());
  process_options options;
  options.deadline = 300s;
  options.cwd = source_dir() + "/tests/browser";
  options.env = {{"AURAOS_URL", "http://127.0.0.1:" + std::to_string(node.port)},
                 {"AURAOS_ADMIN_PASSWORD", admin_password},
                 {"AURAOS_TOKEN_SECONDS", std::to_string(access_token_seconds)},
                 {"AURAOS_ARTIFACTS", std::filesystem::absolute(artifacts_dir()).string()}};
  auto run = run_process({"node", "auth.test.mjs"}, options);
  BOOST_TEST_MESSAGE(run.out);
  BOOST_TEST(run.exit_code == 0, "auth.test.mjs exited " << run.exit_code << "\nstdout:\n"
                                                         << run.out << "\nstderr:\n"
                                                         << run.err);
  node.process.signal(SIGTERM);
  BOOST_TEST(node.process.wait_exit(30s) == 0);
}

}  // namespace
}  // namespace auraos::test
