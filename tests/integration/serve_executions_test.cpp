// Executions through the REST API of a real node: start, poll, idempotency,
// control, history.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

struct serve_node : auraos::test::serve_node {
  bool ready = auraos::test::wait_ready(port, 30s);

  /// Stores examples/FILE, starts it with no input and waits for `status`; its last view.
  json run_example(const std::string& file, const std::string& status) {
    auto text = auraos::test::example_text(file);
    auto workflow_id = json::parse(text)["id"].get<std::string>();
    BOOST_TEST_REQUIRE(call("POST", "/api/v1/workflows", text).status == 201);
    auto started = call("POST", "/api/v1/workflows/" + workflow_id + "/executions", "{}");
    BOOST_TEST_REQUIRE(started.status == 202, started.body);
    return wait_status(started.json["id"].get<std::string>(), status, 60s);
  }
};

/// A workflow whose one shell node writes its pid to `pid_file`, then sleeps 60
/// s.
std::string long_shell(const std::string& pid_file) {
  return json{
      {"id", "long"},
      {"name", "long shell"},
      {"nodes",
       {{{"id", "first"}, {"type", "noop"}},
        {{"id", "sleep"},
         {"type", "shell"},
         {"config", {{"command", "echo $$ > " + pid_file + "; exec sleep 60"}}}},
        {{"id", "after"}, {"type", "noop"}}}},
      {"connections", {{{"from", "first"}, {"to", "sleep"}}, {{"from", "sleep"}, {"to", "after"}}}}}
      .dump();
}

bool process_alive(pid_t pid) {
  return ::kill(pid, 0) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_executions)

BOOST_AUTO_TEST_CASE(diamond_execution_started_by_rest_completes) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  BOOST_TEST_REQUIRE(
      node.call("POST", "/api/v1/workflows", auraos::test::example_text("diamond.json")).status ==
      201);
  auto started = node.call("POST", "/api/v1/workflows/diamond/executions", R"({"input": {}})");
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto id = started.json["id"].get<std::string>();
  BOOST_TEST(started.json["workflowId"] == "diamond");
  auto done = node.wait_status(id, "completed", 60s);
  BOOST_TEST_REQUIRE(done["status"] == "completed", done.dump());
  BOOST_TEST(done["output"]["total"] == 3, done.dump());
  BOOST_TEST(done["nodes"].size() == 4u);
  auto history = node.call("GET", "/api/v1/executions/" + id + "/history");
  BOOST_TEST(history.status == 200);
  BOOST_TEST_REQUIRE(history.json["items"].is_array());
  BOOST_TEST(history.json["items"].front()["seq"] == 1);
  auto logs = node.call("GET", "/api/v1/executions/" + id + "/logs");
  BOOST_TEST(logs.status == 200);
  BOOST_TEST(!logs.json["items"].empty(), logs.body);
  auto listed = node.call("GET", "/api/v1/executions?workflowId=diamond&status=completed");
  BOOST_TEST(listed.json["items"].size() == 1u, listed.body);
  auto metrics = node.call("GET", "/api/v1/workflows/diamond/metrics");
  BOOST_TEST(metrics.json["executions"]["completed"] == 1, metrics.body);
  BOOST_TEST(metrics.json["successRate"] == 1.0);
  BOOST_TEST(metrics.json["durationMs"]["p50"].is_number());
}

BOOST_AUTO_TEST_CASE(stored_subworkflow_file_resolves_in_the_definitions_dir) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  std::filesystem::create_directories(node.data.path() / "definitions");
  std::ofstream{node.data.path() / "definitions" / "subworkflow-child.json"}
      << auraos::test::example_text("subworkflow-child.json");
  auto done = node.run_example("subworkflow-parent.json", "completed");
  BOOST_TEST(done["status"] == "completed", done.dump());
  BOOST_TEST(done["output"]["fromChild"].is_object(), done.dump());
}

BOOST_AUTO_TEST_CASE(missing_subworkflow_file_fails_the_node_naming_the_file) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  auto done = node.run_example("subworkflow-parent.json", "failed");
  BOOST_TEST_REQUIRE(done["status"] == "failed", done.dump());
  auto message = done.dump();
  BOOST_TEST(message.find("definitions/subworkflow-child.json") != std::string::npos, message);
  BOOST_TEST(message.find("cannot read file") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(http_nodes_call_a_real_server_through_the_execution_actor) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  auto base = "http://127.0.0.1:" + std::to_string(node.port);
  auto call_workflow = [&](const std::string& id, const std::string& path) {
    return json{{"id", id},
                {"name", id},
                {"nodes",
                 {{{"id", "call"},
                   {"type", "http"},
                   {"config", {{"url", base + path}, {"headers", {{"X-Probe", "e2e"}}}}}}}},
                {"output", "${nodes.call.output}"}}
        .dump();
  };
  BOOST_TEST_REQUIRE(
      node.call("POST", "/api/v1/workflows", call_workflow("probe", "/readyz")).status == 201);
  BOOST_TEST_REQUIRE(
      node.call("POST", "/api/v1/workflows", call_workflow("missing", "/api/v1/workflows/nope"))
          .status == 201);
  auto ok = node.call("POST", "/api/v1/workflows/probe/executions", "{}");
  auto done = node.wait_status(ok.json["id"].get<std::string>(), "completed", 60s);
  BOOST_TEST_REQUIRE(done["status"] == "completed", done.dump());
  BOOST_TEST(done["output"]["status"] == 200, done.dump());
  BOOST_TEST(done["output"]["json"]["status"] == "ready", done.dump());
  auto bad = node.call("POST", "/api/v1/workflows/missing/executions", "{}");
  auto failed = node.wait_status(bad.json["id"].get<std::string>(), "failed", 60s);
  BOOST_TEST_REQUIRE(failed["status"] == "failed", failed.dump());
  BOOST_TEST(failed["nodes"][0]["error"]["type"] == "http_status", failed.dump());
}

BOOST_AUTO_TEST_CASE(idempotency_key_repeat_returns_the_first_execution) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  BOOST_TEST_REQUIRE(
      node.call("POST", "/api/v1/workflows", auraos::test::example_text("diamond.json")).status ==
      201);
  std::map<std::string, std::string> key{{"Idempotency-Key", "order-42"}};
  auto first = node.call("POST", "/api/v1/workflows/diamond/executions", "{}", key);
  auto second = node.call("POST", "/api/v1/workflows/diamond/executions", "{}", key);
  BOOST_TEST_REQUIRE(first.status == 202, first.body);
  BOOST_TEST(second.status == 202, second.body);
  BOOST_TEST(first.json["id"] == second.json["id"]);
  auto all = node.call("GET", "/api/v1/executions?workflowId=diamond");
  BOOST_TEST(all.json["items"].size() == 1u, all.body);
}

BOOST_AUTO_TEST_CASE(idempotency_key_reserved_for_children_is_refused) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  BOOST_TEST_REQUIRE(
      node.call("POST", "/api/v1/workflows", auraos::test::example_text("diamond.json")).status ==
      201);
  auto started = node.call("POST", "/api/v1/workflows/diamond/executions", "{}",
                           {{"Idempotency-Key", "child:someone/node/1"}});
  BOOST_TEST(started.status == 400, started.body);
  BOOST_TEST(
      started.json["error"]["message"].get<std::string>().find("child:") != std::string::npos,
      started.body);
}

BOOST_AUTO_TEST_CASE(unknown_execution_and_workflow_answer_404) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  BOOST_TEST(node.call("GET", "/api/v1/executions/00000000-0000-4000-8000-000000000000").status ==
             404);
  BOOST_TEST(node.call("POST", "/api/v1/workflows/none/executions", "{}").status == 404);
}

BOOST_AUTO_TEST_CASE(pause_resume_and_cancel_a_long_shell_execution) {
  serve_node node;
  BOOST_TEST_REQUIRE(node.ready);
  auto pid_file = node.data.file("sleep.pid");
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", long_shell(pid_file)).status == 201);
  auto id =
      node.call("POST", "/api/v1/workflows/long/executions", "{}").json["id"].get<std::string>();
  BOOST_TEST_REQUIRE(
      auraos::test::wait_until([&] { return std::ifstream{pid_file}.peek() != EOF; }, 30s));
  pid_t pid = 0;
  std::ifstream{pid_file} >> pid;
  BOOST_TEST_REQUIRE(pid > 0);

  auto paused = node.call("POST", "/api/v1/executions/" + id + "/pause");
  BOOST_TEST(paused.status == 202, paused.body);
  BOOST_TEST(node.wait_status(id, "paused", 10s)["status"] == "paused");
  BOOST_TEST(node.call("POST", "/api/v1/executions/" + id + "/pause").status == 409);
  BOOST_TEST(node.call("POST", "/api/v1/executions/" + id + "/resume").status == 202);
  BOOST_TEST(node.wait_status(id, "running", 10s)["status"] == "running");

  auto cancelled = node.call("POST", "/api/v1/executions/" + id + "/cancel");
  BOOST_TEST(cancelled.status == 202, cancelled.body);
  BOOST_TEST(node.wait_status(id, "cancelled", 20s)["status"] == "cancelled");
  BOOST_TEST(auraos::test::wait_until([&] { return !process_alive(pid); }, 10s));
  auto again = node.call("POST", "/api/v1/executions/" + id + "/cancel");
  BOOST_TEST(again.status == 409, again.body);
  BOOST_TEST(again.json["error"]["code"] == "conflict");
}

BOOST_AUTO_TEST_SUITE_END()
