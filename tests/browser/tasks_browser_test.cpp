// The dashboard's Tasks view in Debian's chromium (playwright-core) against a real node whose
// pool has a custom resource: the node is started here, tests/browser/tasks.test.mjs defines
// the tasks, schedules and runs through the API and drives the browser.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {
namespace {

using namespace std::chrono_literals;

/// The pool: two `licenses` (a custom resource), so a run needing both waits while another
/// holds one.
nlohmann::json pool_config() {
  return {{"pool", {{"capacity", {{"cpu", 4}, {"memoryMiB", 4096}, {"licenses", 2}}},
                    {"workers", 4},
                    {"agingSeconds", 60}}}};
}

std::string artifacts_dir() {
  const char* dir = std::getenv("AURAOS_ARTIFACTS_DIR");
  return dir ? dir : "browser-artifacts";
}

BOOST_AUTO_TEST_CASE(tasks_view_shows_queues_schedules_runs_and_acts_in_chromium) {
  temp_dir data;
  auto config = data.path().string() + ".config.json";
  std::ofstream{config} << pool_config().dump();
  serve_process node{{"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--config",
                      config}};
  auto port = node.wait_for_port();
  BOOST_REQUIRE(wait_ready(port, 30s));

  std::filesystem::create_directories(artifacts_dir());
  process_options options;
  options.deadline = 300s;
  options.cwd = source_dir() + "/tests/browser";
  options.env = {{"AURAOS_URL", "http://127.0.0.1:" + std::to_string(port)},
                 {"AURAOS_ARTIFACTS", std::filesystem::absolute(artifacts_dir()).string()}};
  auto run = run_process({"node", "tasks.test.mjs"}, options);
  BOOST_TEST_MESSAGE(run.out);
  BOOST_TEST(run.exit_code == 0, "tasks.test.mjs exited " << run.exit_code << "\nstdout:\n"
                                                          << run.out << "\nstderr:\n"
                                                          << run.err);
  node.signal(SIGTERM);
  BOOST_TEST(node.wait_exit(30s) == 0);
  std::filesystem::remove(config);
}

}  // namespace
}  // namespace auraos::test
