// `auraos serve --log-level`: info logs execution starts and ends; debug every transition.

#include <algorithm>
#include <fstream>
#include <regex>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

constexpr int executions = 12;

/// Runs `executions` executions of a three-node workflow on a node started with `args`, stops
/// it, and returns everything it wrote to stderr.
std::string log_of_a_run(std::vector<std::string> args) {
  auraos::test::temp_dir data;
  args.insert(args.end(), {"--http", "127.0.0.1:0", "--data-dir", data.path().string()});
  auraos::test::serve_process node{args};
  auto port = node.wait_for_port();
  BOOST_REQUIRE(auraos::test::wait_ready(port, 10s));
  json workflow = {{"id", "w"},
                   {"name", "w"},
                   {"nodes", {{{"id", "a"}, {"type", "noop"}}, {{"id", "b"}, {"type", "noop"}}}},
                   {"connections", {{{"from", "a"}, {"to", "b"}}}}};
  BOOST_REQUIRE(api_call(port, "POST", "/api/v1/workflows", workflow.dump()).status == 201);
  for (int i = 0; i < executions; ++i)
    BOOST_REQUIRE(api_call(port, "POST", "/api/v1/workflows/w/executions", "{}").status == 202);
  BOOST_REQUIRE(auraos::test::wait_until(
      [&] {
        auto list = api_call(port, "GET", "/api/v1/executions?status=completed&limit=100");
        return list.json["items"].size() == static_cast<std::size_t>(executions);
      },
      20s));
  node.signal(SIGTERM);
  BOOST_REQUIRE(node.wait_exit(20s) == 0);
  return node.err();
}

std::size_t count(const std::string& text, const std::string& pattern) {
  std::regex re{pattern};
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_log_level)

BOOST_AUTO_TEST_CASE(default_info_writes_a_start_and_an_end_line_per_execution) {
  auto log = log_of_a_run({});
  BOOST_TEST(count(log, " execution_started") == static_cast<std::size_t>(executions), log);
  BOOST_TEST(count(log, " execution_completed") == static_cast<std::size_t>(executions), log);
  BOOST_TEST(count(log, " node_completed| attempt_started| debug ") == 0u, log);
  BOOST_TEST(count(log, "http (GET|POST) ") == 0u, log);
  // Start-up and shutdown lines are a constant; everything else is the two lines per execution.
  BOOST_TEST(count(log, "\n") <= static_cast<std::size_t>(2 * executions + 10), log);
}

BOOST_AUTO_TEST_CASE(debug_writes_every_transition_and_the_access_log) {
  auto log = log_of_a_run({"--log-level", "debug"});
  BOOST_TEST(count(log, " debug .* node_completed") == static_cast<std::size_t>(2 * executions),
             log);
  BOOST_TEST(count(log, " execution_started") == static_cast<std::size_t>(executions), log);
  BOOST_TEST(count(log, " debug http POST /api/v1/workflows/w/executions 202 ") ==
                 static_cast<std::size_t>(executions),
             log);
}

BOOST_AUTO_TEST_CASE(the_level_can_come_from_the_config_file_and_the_flag_wins) {
  auraos::test::temp_dir dir;
  std::ofstream{dir.file("config.json")} << R"({"logLevel": "debug"})";
  auto from_file = log_of_a_run({"--config", dir.file("config.json")});
  BOOST_TEST(count(from_file, " node_completed") == static_cast<std::size_t>(2 * executions));
  auto flag_wins = log_of_a_run({"--config", dir.file("config.json"), "--log-level", "info"});
  BOOST_TEST(count(flag_wins, " node_completed| debug ") == 0u, flag_wins);
}

BOOST_AUTO_TEST_CASE(a_restart_is_one_line_at_the_default_level) {
  auraos::test::temp_dir data;
  auraos::test::serve_process node{
      {"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--test-faults"}};
  auto port = node.wait_for_port();
  BOOST_REQUIRE(auraos::test::wait_ready(port, 10s));
  BOOST_REQUIRE(api_call(port, "POST", "/api/v1/_test/crash/executions-service").status == 202);
  node.wait_for_line("supervisor 'node' restarts 'executions-service' in \\d+ ms after: ", 10s);
}

BOOST_AUTO_TEST_CASE(an_unknown_level_is_one_line_and_exit_2) {
  auto run = auraos::test::run_process(
      {auraos::test::auraos_binary(), "serve", "--log-level", "verbose", "--http", "127.0.0.1:0"});
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(run.err ==
             "auraos serve: --log-level: unknown log level 'verbose' (levels: trace, debug, info, "
             "warn, error, off)\n");
}

BOOST_AUTO_TEST_SUITE_END()
