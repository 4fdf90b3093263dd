// GET /api/v1/stream on a real node: hello, supervision and cluster at connect, execution and
// transition events, restarts within a second, bad queries, disconnects and SIGTERM.

#include <csignal>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/sse_client.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using auraos::test::example_text;
using auraos::test::sse_client;
using auraos::test::sse_message;
using nlohmann::json;

namespace {

/// A ready node with the fault hook on.
struct streamed_node : auraos::test::faulty_serve_node {
  streamed_node() { BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s)); }

  /// Stores a workflow whose one node waits `seconds`.
  void put_waiting_workflow(double seconds) {
    json workflow{
        {"id", "waits"},
        {"name", "waits"},
        {"nodes", {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", seconds}}}}}}};
    BOOST_TEST_REQUIRE(api_call(port, "POST", "/api/v1/workflows", workflow.dump()).status == 201);
  }

  std::string start(const std::string& workflow) {
    auto started = api_call(port, "POST", "/api/v1/workflows/" + workflow + "/executions", "{}");
    BOOST_TEST_REQUIRE(started.status == 202, started.body);
    return started.json["id"];
  }
};

/// Matches an event by name (and, when given, a condition on its JSON data).
auto event(std::string name, std::function<bool(const json&)> data = {}) {
  return [name, data](const sse_message& m) {
    if (m.event != name) return false;
    return !data || data(json::parse(m.data, nullptr, false));
  };
}

/// True when `tree` or a descendant is named `name` and shows the injected crash (its last
/// failure, or a restart).
bool restarted(const json& tree, const std::string& name) {
  if (tree.value("name", "") == name &&
      (tree.value("restarts", 0) > 0 ||
       (tree.contains("lastFailure") && tree["lastFailure"].is_string())))
    return true;
  for (const auto& child : tree.value("children", json::array()))
    if (restarted(child, name)) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_stream)

BOOST_AUTO_TEST_CASE(a_stream_opens_with_hello_then_the_supervision_tree_and_the_cluster) {
  streamed_node node;
  sse_client stream{node.port, "/api/v1/stream"};
  BOOST_TEST_REQUIRE(stream.wait_status() == 200);
  BOOST_TEST(stream.headers()["content-type"] == "text/event-stream");
  BOOST_TEST(stream.headers()["cache-control"] == "no-cache");
  BOOST_TEST_REQUIRE(stream.wait_for(event("hello"), 5s) == 0);
  auto hello = json::parse(stream.messages()[0].data);
  BOOST_TEST(hello["node"].is_string());
  BOOST_TEST(hello["topics"] == json({"executions", "supervision", "cluster"}));
  BOOST_TEST(hello["execution"].is_null());
  BOOST_TEST(stream.wait_for(event("supervision"), 5s) == 1);
  auto tree = json::parse(stream.messages()[1].data);
  BOOST_TEST(tree["name"] == "node");
  BOOST_TEST(tree == api_call(node.port, "GET", "/api/v1/supervision").json);
  auto cluster = stream.wait_for(event("cluster"), 5s);
  BOOST_TEST_REQUIRE(cluster == 2);
  BOOST_TEST(json::parse(stream.messages()[2].data) ==
             api_call(node.port, "GET", "/api/v1/cluster").json);
}

BOOST_AUTO_TEST_CASE(a_started_execution_shows_as_execution_events_up_to_its_end) {
  streamed_node node;
  BOOST_TEST_REQUIRE(
      api_call(node.port, "POST", "/api/v1/workflows", example_text("diamond.json")).status == 201);
  sse_client stream{node.port, "/api/v1/stream?topics=executions"};
  BOOST_TEST_REQUIRE(stream.wait_for(event("hello"), 5s) == 0);
  auto started = api_call(node.port, "POST", "/api/v1/workflows/diamond/executions",
                          R"({"input": {"amount": 5}})");
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  std::string id = started.json["id"];
  auto of_it = [id](const std::string& status) {
    return event("execution", [id, status](const json& d) {
      return d["id"] == id && d["status"] == status && d["workflowId"] == "diamond";
    });
  };
  BOOST_TEST(stream.wait_for(of_it("running"), 10s) >= 0);
  auto done = stream.wait_for(of_it("completed"), 30s);
  BOOST_TEST_REQUIRE(done >= 0);
  auto end = json::parse(stream.messages()[static_cast<std::size_t>(done)].data);
  BOOST_TEST(end["startedAt"].is_string());
  BOOST_TEST(end["completedAt"].is_string());
  for (const auto& m : stream.messages()) BOOST_TEST(m.event != "supervision");
}

BOOST_AUTO_TEST_CASE(transitions_of_the_asked_execution_come_as_its_history_items) {
  streamed_node node;
  node.put_waiting_workflow(1.0);
  auto id = node.start("waits");
  sse_client stream{node.port, "/api/v1/stream?topics=executions&execution=" + id};
  BOOST_TEST_REQUIRE(stream.wait_for(event("hello"), 5s) == 0);
  BOOST_TEST(json::parse(stream.messages()[0].data)["execution"] == id);
  auto ended = event("execution",
                     [&id](const json& d) { return d["id"] == id && d["status"] == "completed"; });
  BOOST_TEST_REQUIRE(stream.wait_for(ended, 30s) >= 0);
  auto history = api_call(node.port, "GET", "/api/v1/executions/" + id + "/history").json["items"];
  std::size_t transitions = 0;
  for (const auto& m : stream.messages()) {
    if (m.event != "transition") continue;
    auto item = json::parse(m.data);
    BOOST_TEST(item["executionId"] == id);
    item.erase("executionId");
    auto seq = item["seq"].get<std::size_t>();
    BOOST_TEST_REQUIRE(seq >= 1);
    BOOST_TEST_REQUIRE(seq <= history.size());
    BOOST_TEST(item == history[seq - 1]);
    ++transitions;
  }
  BOOST_TEST(transitions >= 1u);
}

BOOST_AUTO_TEST_CASE(a_crashed_actor_shows_in_a_supervision_event_within_a_second) {
  streamed_node node;
  node.put_waiting_workflow(60.0);
  auto id = node.start("waits");
  sse_client stream{node.port, "/api/v1/stream?topics=supervision"};
  auto first = stream.wait_for(event("supervision"), 5s);
  BOOST_TEST_REQUIRE(first >= 0);
  auto crashed = api_call(node.port, "POST", "/api/v1/_test/crash/" + id);
  BOOST_TEST_REQUIRE(crashed.status == 202, crashed.body);
  auto at = std::chrono::steady_clock::now();
  auto shown =
      stream.wait_for(event("supervision", [&id](const json& tree) { return restarted(tree, id); }),
                      2s, static_cast<std::size_t>(first) + 1);
  BOOST_TEST(shown > first);
  BOOST_TEST((std::chrono::steady_clock::now() - at < 1s));
}

BOOST_AUTO_TEST_CASE(bad_stream_queries_are_400_naming_the_parameter) {
  streamed_node node;
  for (const char* query : {"?topics=nope", "?topics=", "?topics=executions,,cluster",
                            "?execution=not-an-id", "?execution=", "?topics=%ff"}) {
    auto reply = api_call(node.port, "GET", std::string("/api/v1/stream") + query);
    BOOST_TEST_CONTEXT(query) {
      BOOST_TEST(reply.status == 400);
      BOOST_TEST(reply.json["error"]["message"].is_string());
    }
  }
  auto topics = api_call(node.port, "GET", "/api/v1/stream?topics=nope");
  BOOST_TEST(topics.json["error"]["message"].get<std::string>().find("'topics'") !=
             std::string::npos);
  auto execution = api_call(node.port, "GET", "/api/v1/stream?execution=x");
  BOOST_TEST(execution.json["error"]["message"].get<std::string>().find("'execution'") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_client_that_disconnects_frees_its_subscription) {
  streamed_node node;
  {
    sse_client stream{node.port, "/api/v1/stream?topics=cluster"};
    BOOST_TEST_REQUIRE(stream.wait_for(event("cluster"), 5s) >= 0);
    BOOST_TEST(auraos::test::wait_until(
        [&] { return auraos::test::metric_value(node.port, "auraos_live_subscribers") == 1; }, 5s));
  }
  BOOST_TEST(auraos::test::wait_until(
      [&] { return auraos::test::metric_value(node.port, "auraos_live_subscribers") == 0; }, 5s));
}

BOOST_AUTO_TEST_CASE(sigterm_with_an_open_stream_stops_the_node_promptly) {
  streamed_node node;
  sse_client stream{node.port, "/api/v1/stream"};
  BOOST_TEST_REQUIRE(stream.wait_for(event("hello"), 5s) == 0);
  auto at = std::chrono::steady_clock::now();
  node.process.signal(SIGTERM);
  BOOST_TEST(node.process.wait_exit(10s) == 0);
  BOOST_TEST((std::chrono::steady_clock::now() - at < 4s));  // the drain timeout is 5 s
  BOOST_TEST(stream.wait_closed(2s));
}

BOOST_AUTO_TEST_SUITE_END()
