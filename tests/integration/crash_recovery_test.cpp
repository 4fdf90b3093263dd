// The crash test of the durable execution engine: kill -9 a node while 200
// executions wait, restart it on the same data dir, and see every execution
// finish with no node run twice.

#include <fstream>
#include <map>
#include <set>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

constexpr int execution_count = 200;

std::vector<std::string> serve_args(const auraos::test::temp_dir& data) {
  return {"--http", "127.0.0.1:0", "--data-dir", data.path().string()};
}

std::string delayed_append(const std::string& file) {
  return json{{"id", "delayed-append"},
              {"name", "delay then append"},
              {"nodes",
               {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 2}}}},
                {{"id", "append"},
                 {"type", "shell"},
                 {"config", {{"command", "echo \"$AURAOS_IDEMPOTENCY_KEY\" >> " + file}}}}}},
              {"connections", {{{"from", "wait"}, {"to", "append"}}}}}
      .dump();
}

std::int64_t count_completed(std::uint16_t port) {
  std::int64_t completed = 0;
  std::string target =
      "/api/v1/"
      "executions?workflowId=delayed-append&status=completed&limit=1000";
  auto page = api_call(port, "GET", target, "", {}, 20s);
  completed = static_cast<std::int64_t>(page.json["items"].size());
  return completed;
}

std::map<std::string, int> appended_keys(const std::string& file) {
  std::map<std::string, int> keys;
  std::ifstream in{file};
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) ++keys[line];
  return keys;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(crash_recovery)

BOOST_AUTO_TEST_CASE(kill_9_during_delays_loses_no_execution_and_reruns_no_completed_node) {
  auraos::test::temp_dir data;
  auto file = data.file("appended.txt");
  std::set<std::string> ids;
  {
    auraos::test::serve_process first{serve_args(data)};
    auto port = first.wait_for_port();
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
    BOOST_TEST_REQUIRE(api_call(port, "POST", "/api/v1/workflows", delayed_append(file)).status ==
                       201);
    for (int i = 0; i < execution_count; ++i) {
      auto started = api_call(port, "POST", "/api/v1/workflows/delayed-append/executions", "{}",
                              {{"Idempotency-Key", "crash-" + std::to_string(i)}});
      BOOST_TEST_REQUIRE(started.status == 202, started.body);
      ids.insert(started.json["id"].get<std::string>());
    }
    first.signal(SIGKILL);
    BOOST_TEST(first.wait_exit(10s) == 128 + SIGKILL);
  }
  BOOST_TEST_REQUIRE(ids.size() == static_cast<std::size_t>(execution_count));
  auto before_restart = appended_keys(file).size();
  BOOST_TEST_MESSAGE("shell nodes done before the kill: " << before_restart);
  BOOST_TEST(before_restart < static_cast<std::size_t>(execution_count),
             "the kill came after every execution finished: nothing was recovered");

  auraos::test::serve_process second{serve_args(data)};
  auto port = second.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
  BOOST_TEST(
      auraos::test::wait_until([&] { return count_completed(port) == execution_count; }, 120s),
      "completed after restart: " << count_completed(port));
  auto all = api_call(port, "GET", "/api/v1/executions?workflowId=delayed-append&limit=1000");
  BOOST_TEST(all.json["items"].size() == static_cast<std::size_t>(execution_count));
  for (const auto& item : all.json["items"]) {
    BOOST_TEST(item["status"] == "completed", item.dump());
    BOOST_TEST(ids.count(item["id"].get<std::string>()) == 1u);
  }
  auto keys = appended_keys(file);
  BOOST_TEST(keys.size() == static_cast<std::size_t>(execution_count));
  for (const auto& [key, times] : keys) BOOST_TEST(times == 1, key << " appended " << times);
  second.signal(SIGTERM);
  BOOST_TEST(second.wait_exit(30s) == 0, second.err());
}

BOOST_AUTO_TEST_SUITE_END()
