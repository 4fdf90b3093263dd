// What a user debugs an execution with, through a real node: failed shell output in the node
// error, history and logs; timeout errors; paged history and logs; the recovery log line.

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct node : auraos::test::serve_node {
  bool ready = auraos::test::wait_ready(port, 30s);

  /// Stores `definition` and starts it with no input; the execution id.
  std::string start(const json& definition) {
    auto stored = call("POST", "/api/v1/workflows", definition.dump());
    BOOST_TEST_REQUIRE(stored.status == 201, stored.body);
    auto id = definition.at("id").get<std::string>();
    auto started = call("POST", "/api/v1/workflows/" + id + "/executions", "{}");
    BOOST_TEST_REQUIRE(started.status == 202, started.body);
    return started.json.at("id").get<std::string>();
  }
};

json one_node(const std::string& id, const json& node, const json& extra = json::object()) {
  json doc{{"id", id}, {"name", id}, {"nodes", {node}}};
  doc.update(extra);
  return doc;
}

json shell_node(const std::string& command) {
  return {{"id", "s"}, {"type", "shell"}, {"config", {{"command", command}}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_debugging)

BOOST_AUTO_TEST_CASE(failed_shell_output_is_in_the_node_error_history_and_logs) {
  node n;
  BOOST_TEST_REQUIRE(n.ready);
  auto id = n.start(one_node("boom", shell_node("echo out; echo boom >&2; exit 3")));
  auto view = n.wait_status(id, "failed");
  BOOST_TEST_REQUIRE(view["status"] == "failed", view.dump());
  auto node_error = view["nodes"][0]["error"];
  BOOST_TEST(node_error["exitCode"] == 3, view.dump());
  BOOST_TEST(node_error["stdout"] == "out\n", view.dump());
  BOOST_TEST(node_error["stderr"] == "boom\n", view.dump());
  BOOST_TEST(view["error"]["stderr"] == "boom\n", view.dump());
  auto history = n.call("GET", "/api/v1/executions/" + id + "/history?limit=1000");
  BOOST_TEST(history.body.find(R"("stderr":"boom\n")") != std::string::npos, history.body);
  auto logs = n.call("GET", "/api/v1/executions/" + id + "/logs");
  BOOST_TEST(logs.body.find("boom") != std::string::npos, logs.body);
  BOOST_TEST(logs.body.find("exitCode: 3") != std::string::npos, logs.body);
}

BOOST_AUTO_TEST_CASE(timed_out_execution_has_a_timeout_error) {
  node n;
  BOOST_TEST_REQUIRE(n.ready);
  auto id =
      n.start(one_node("slow", shell_node("sleep 30"), {{"settings", {{"timeoutSeconds", 0.2}}}}));
  auto view = n.wait_status(id, "timed_out");
  BOOST_TEST_REQUIRE(view["status"] == "timed_out", view.dump());
  BOOST_TEST(view["error"]["type"] == "timeout", view.dump());
  BOOST_TEST(view["error"]["message"].get<std::string>().find("0.2 s") != std::string::npos,
             view.dump());
  auto listed = n.call("GET", "/api/v1/executions?workflowId=slow");
  BOOST_TEST(listed.json["items"][0]["error"]["type"] == "timeout", listed.body);
}

BOOST_AUTO_TEST_CASE(history_and_logs_are_paged_with_limit_and_cursor) {
  node n;
  BOOST_TEST_REQUIRE(n.ready);
  auto id = n.start(one_node("ok", shell_node("true")));
  n.wait_status(id, "completed");
  auto path = "/api/v1/executions/" + id;
  auto all = n.call("GET", path + "/history?limit=1000");
  BOOST_TEST_REQUIRE(all.status == 200, all.body);
  BOOST_TEST(all.json["nextCursor"].is_null(), all.body);
  auto total = all.json["items"].size();
  BOOST_TEST_REQUIRE(total > 3u, all.body);
  BOOST_TEST(all.json["items"][0]["data"]["revision"] == 1, all.body);
  std::vector<json> seen;
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    auto got =
        n.call("GET", path + "/history?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    BOOST_TEST_REQUIRE(got.status == 200, got.body);
    BOOST_TEST(got.json["items"].size() <= 2u);
    for (const auto& item : got.json["items"]) seen.push_back(item["seq"]);
    if (got.json["nextCursor"].is_null()) break;
    cursor = got.json["nextCursor"].get<std::string>();
  }
  BOOST_TEST_REQUIRE(seen.size() == total);
  for (std::size_t i = 0; i < seen.size(); ++i) BOOST_TEST(seen[i] == static_cast<int>(i + 1));
  auto logs = n.call("GET", path + "/logs?limit=2");
  BOOST_TEST(logs.json["items"].size() == 2u, logs.body);
  BOOST_TEST(logs.json["nextCursor"].is_string(), logs.body);
  auto rest =
      n.call("GET", path + "/logs?limit=1000&cursor=" + logs.json["nextCursor"].get<std::string>());
  BOOST_TEST(rest.json["items"].size() == total - 2, rest.body);
  BOOST_TEST(n.call("GET", path + "/history?limit=0").status == 400);
  BOOST_TEST(n.call("GET", path + "/history?cursor=abc").status == 400);
  BOOST_TEST(n.call("GET", "/api/v1/executions/nope/logs").status == 404);
}

BOOST_AUTO_TEST_CASE(recovery_logs_one_line_with_the_count_and_duration) {
  auraos::test::temp_dir data;
  std::vector<std::string> args{"--http", "127.0.0.1:0", "--data-dir", data.path().string()};
  {
    auraos::test::serve_process first{args};
    auto port = first.wait_for_port();
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
    first.wait_for_line(R"(recovery: 0 unfinished executions re-activated in \d+ ms)", 30s);
    auto wait = one_node("wait", {{"id", "d"}, {"type", "delay"}, {"config", {{"seconds", 600}}}});
    BOOST_TEST_REQUIRE(
        auraos::test::api_call(port, "POST", "/api/v1/workflows", wait.dump()).status == 201);
    auto started = auraos::test::api_call(port, "POST", "/api/v1/workflows/wait/executions", "{}");
    BOOST_TEST_REQUIRE(started.status == 202, started.body);
    first.signal(SIGTERM);
    BOOST_TEST_REQUIRE(first.wait_exit(30s) == 0);
  }
  auraos::test::serve_process second{args};
  second.wait_for_port();
  auto line =
      second.wait_for_line(R"(recovery: 1 unfinished execution re-activated in \d+ ms)", 30s);
  BOOST_TEST(!line.empty());
}

BOOST_AUTO_TEST_SUITE_END()
