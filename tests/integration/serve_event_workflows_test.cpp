// Workflows and the event service on a real node: publish_event, wait_event (woken later,
// taking an event stored earlier, passivated meanwhile, timing out), signals, and triggers
// that start one execution per event, also across kill -9.
#include <csignal>
#include <fstream>
#include <set>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

using auraos::test::api_call;
using auraos::test::wait_until;

/// A workflow that waits for `type` correlated to its execution, then outputs the event's data.
json waiter(const std::string& id, const std::string& type, json extra = json::object()) {
  json config = {{"type", type}, {"correlationId", "${execution.id}"}};
  config.update(extra);
  return {{"id", id},
          {"name", id},
          {"nodes", {{{"id", "wait"}, {"type", "wait_event"}, {"config", config}}}},
          {"output", "${nodes.wait.output.data}"}};
}

/// Stores a workflow (once the node is ready); fails the test when the node refuses it.
void put_workflow(std::uint16_t port, const json& workflow) {
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 10s));
  auto stored = api_call(port, "POST", "/api/v1/workflows", workflow.dump());
  BOOST_TEST_REQUIRE(stored.status == 201, stored.body);
}

/// Starts an execution; its id.
std::string start(std::uint16_t port, const std::string& workflow, const json& input = {}) {
  auto started = api_call(port, "POST", "/api/v1/workflows/" + workflow + "/executions",
                          json{{"input", input.is_null() ? json::object() : input}}.dump());
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  return started.json["id"].get<std::string>();
}

/// Publishes events (one object or an array); the stored ones.
json publish(std::uint16_t port, const json& events) {
  auto stored = api_call(port, "POST", "/api/v1/events", events.dump());
  BOOST_TEST_REQUIRE(stored.status == 201, stored.body);
  return stored.json["items"];
}

/// The node's status of node `node` of execution `id`.
std::string node_status(std::uint16_t port, const std::string& id, const std::string& node) {
  auto view = api_call(port, "GET", "/api/v1/executions/" + id).json;
  for (const auto& n : view["nodes"])
    if (n["id"] == node) return n["status"].get<std::string>();
  return "";
}

/// Executions of `workflow` (at most 1,000).
json executions_of(std::uint16_t port, const std::string& workflow) {
  return api_call(port, "GET", "/api/v1/executions?limit=1000&workflowId=" + workflow)
      .json["items"];
}

/// A workflow started by `order.created` events with a total above 10.
json triggered(const std::string& id) {
  return {
      {"id", id},
      {"name", id},
      {"nodes", {{{"id", "take"}, {"type", "transform"}, {"config", {{"output", "${input}"}}}}}},
      {"triggers",
       {{{"event", {{"type", "order.created"}, {"where", "event.data.total > 10"}}},
         {"input", {{"order", "${event.data.id}"}, {"source", "${event.source}"}}}}}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_event_workflows)

BOOST_AUTO_TEST_CASE(publish_event_stores_an_event_correlated_to_its_execution) {
  auraos::test::serve_node node;
  put_workflow(node.port, {{"id", "pub"},
                           {"name", "pub"},
                           {"nodes",
                            {{{"id", "ship"},
                              {"type", "publish_event"},
                              {"config", {{"type", "order.shipped"}, {"data", {{"n", 7}}}}}}}}});
  auto id = start(node.port, "pub");
  auto done = node.wait_status(id, "completed", 20s);
  BOOST_TEST_REQUIRE(done["status"] == "completed", done.dump());
  auto event_id = done["output"]["ship"]["eventId"].get<std::string>();
  auto stored = node.call("GET", "/api/v1/events/" + event_id);
  BOOST_TEST_REQUIRE(stored.status == 200, stored.body);
  BOOST_TEST(stored.json["type"] == "order.shipped");
  BOOST_TEST(stored.json["source"] == "workflow:pub");
  BOOST_TEST(stored.json["correlationId"] == id);
  BOOST_TEST(stored.json["data"] == (json{{"n", 7}}));
}

BOOST_AUTO_TEST_CASE(wait_event_is_woken_by_a_later_event_and_a_signal) {
  auraos::test::serve_node node;
  put_workflow(node.port, waiter("pay", "payment.received"));
  auto id = start(node.port, "pay");
  BOOST_TEST_REQUIRE(
      wait_until([&] { return node_status(node.port, id, "wait") == "waiting"; }, 10s));
  // Another execution's event does not wake it.
  publish(node.port, {{"type", "payment.received"},
                      {"source", "bank"},
                      {"correlationId", "someone-else"},
                      {"data", {{"amount", 1}}}});
  publish(node.port, {{"type", "payment.received"},
                      {"source", "bank"},
                      {"correlationId", id},
                      {"data", {{"amount", 5}}}});
  auto done = node.wait_status(id, "completed", 20s);
  BOOST_TEST(done["output"] == (json{{"amount", 5}}), done.dump());

  put_workflow(node.port, waiter("approve", "approve"));
  auto second = start(node.port, "approve");
  auto signalled = node.call("POST", "/api/v1/executions/" + second + "/signal",
                             json{{"name", "approve"}, {"data", {{"by", "ann"}}}}.dump());
  BOOST_TEST_REQUIRE(signalled.status == 202, signalled.body);
  BOOST_TEST(signalled.json["eventId"].is_string());
  done = node.wait_status(second, "completed", 20s);
  BOOST_TEST(done["output"] == (json{{"by", "ann"}}), done.dump());
  auto again = node.call("POST", "/api/v1/executions/" + second + "/signal",
                         json{{"name", "approve"}}.dump());
  BOOST_TEST(again.status == 409, again.body);
  auto unknown = node.call("POST", "/api/v1/executions/7d1f6a3c-0000-4000-8000-000000000000/signal",
                           json{{"name", "approve"}}.dump());
  BOOST_TEST(unknown.status == 404, unknown.body);
}

BOOST_AUTO_TEST_CASE(wait_event_takes_an_event_stored_before_it_reached_the_node) {
  auraos::test::serve_node node;
  json wf = waiter("late", "early.bird");
  wf["nodes"].push_back({{"id", "first"}, {"type", "delay"}, {"config", {{"seconds", 1}}}});
  wf["connections"] = {{{"from", "first"}, {"to", "wait"}}};
  put_workflow(node.port, wf);
  auto id = start(node.port, "late");
  publish(node.port, {{"type", "early.bird"},
                      {"source", "t"},
                      {"correlationId", id},
                      {"data", {{"first", true}}}});
  auto done = node.wait_status(id, "completed", 20s);
  BOOST_TEST(done["output"] == (json{{"first", true}}), done.dump());
}

BOOST_AUTO_TEST_CASE(an_event_stored_before_the_execution_does_not_match_and_it_times_out) {
  auraos::test::serve_node node;
  publish(node.port, {{"type", "stale"}, {"source", "t"}});
  put_workflow(node.port, {{"id", "stale"},
                           {"name", "stale"},
                           {"nodes",
                            {{{"id", "wait"},
                              {"type", "wait_event"},
                              {"config", {{"type", "stale"}, {"timeoutSeconds", 1}}}}}}});
  auto id = start(node.port, "stale");
  BOOST_TEST_REQUIRE(
      wait_until([&] { return node_status(node.port, id, "wait") == "waiting"; }, 10s));
  auto done = node.wait_status(id, "failed", 20s);
  BOOST_TEST_REQUIRE(done["status"] == "failed", done.dump());
  BOOST_TEST(done["nodes"][0]["error"]["type"] == "timeout", done.dump());
}

BOOST_AUTO_TEST_CASE(a_passivated_waiting_execution_is_woken_by_its_event) {
  auraos::test::temp_dir data;
  std::ofstream{data.file("config.json")} << R"({"passivateAfterMs": 100})";
  auraos::test::serve_process process{{"--http", "127.0.0.1:0", "--data-dir", data.path().string(),
                                       "--config", data.file("config.json")}};
  auto port = process.wait_for_port();
  put_workflow(port, waiter("sleepy", "wake.up"));
  auto id = start(port, "sleepy");
  auto counters = [&] { return api_call(port, "GET", "/metrics").body; };
  BOOST_TEST_REQUIRE(wait_until(
                         [&] {
                           return auraos::test::metric_value(
                                      port, "auraos_service_passivations_total") >= 1;
                         },
                         10s),
                     counters());
  publish(port, {{"type", "wake.up"}, {"source", "t"}, {"correlationId", id}, {"data", 1}});
  auto done = auraos::test::wait_execution_status(port, id, "completed", 20s);
  BOOST_TEST(done["output"] == 1, done.dump());
}

BOOST_AUTO_TEST_CASE(triggers_start_one_execution_per_matching_event) {
  auraos::test::serve_node node;
  put_workflow(node.port, triggered("on-order"));
  auto stored = publish(
      node.port,
      json::array(
          {{{"type", "order.created"}, {"source", "shop"}, {"data", {{"id", 1}, {"total", 5}}}},
           {{"type", "order.created"}, {"source", "shop"}, {"data", {{"id", 2}, {"total", 20}}}},
           {{"type", "order.other"}, {"source", "shop"}, {"data", {{"id", 3}, {"total", 50}}}},
           {{"type", "order.created"}, {"source", "shop"}, {"data", {{"id", 4}, {"total", 30}}}}}));
  BOOST_TEST_REQUIRE(
      wait_until([&] { return executions_of(node.port, "on-order").size() == 2; }, 20s));
  // The same event again (same id) starts nothing new.
  publish(node.port, stored[1]);
  publish(node.port,
          {{"type", "order.created"}, {"source", "shop"}, {"data", {{"id", 5}, {"total", 99}}}});
  BOOST_TEST_REQUIRE(
      wait_until([&] { return executions_of(node.port, "on-order").size() == 3; }, 20s));
  std::set<int> orders;
  for (const auto& e : executions_of(node.port, "on-order")) {
    auto view = node.wait_status(e["id"].get<std::string>(), "completed", 20s);
    BOOST_TEST(view["input"]["source"] == "shop", view.dump());
    orders.insert(view["input"]["order"].get<int>());
  }
  BOOST_TEST((orders == std::set<int>{2, 4, 5}));
}

BOOST_AUTO_TEST_CASE(triggers_start_each_execution_exactly_once_across_kill_9) {
  auraos::test::temp_dir data;
  std::vector<std::string> args{"--http", "127.0.0.1:0", "--data-dir", data.path().string()};
  constexpr int events = 300;
  {
    auraos::test::serve_process first{args};
    auto port = first.wait_for_port();
    put_workflow(port, triggered("on-order"));
    json batch = json::array();
    for (int i = 0; i < events; ++i)
      batch.push_back(
          {{"type", "order.created"}, {"source", "shop"}, {"data", {{"id", i}, {"total", 100}}}});
    publish(port, batch);
    first.signal(SIGKILL);
    BOOST_TEST(first.wait_exit(10s) == 128 + SIGKILL);
  }
  auraos::test::serve_process second{args};
  auto port = second.wait_for_port();
  BOOST_TEST_REQUIRE(
      wait_until([&] { return executions_of(port, "on-order").size() >= std::size_t{events}; },
                 60s),
      executions_of(port, "on-order").size());
  // Events stored after the restart are offered after every earlier one: once this one started
  // its execution, the restart offered everything it would.
  publish(
      port,
      {{"type", "order.created"}, {"source", "shop"}, {"data", {{"id", events}, {"total", 100}}}});
  BOOST_TEST_REQUIRE(wait_until(
      [&] {
        for (const auto& e : executions_of(port, "on-order"))
          if (e["input"]["order"] == events) return true;
        return false;
      },
      30s));
  std::multiset<int> orders;
  for (const auto& e : executions_of(port, "on-order"))
    orders.insert(e["input"]["order"].get<int>());
  BOOST_TEST(orders.size() == std::size_t{events + 1});
  BOOST_TEST(std::set<int>(orders.begin(), orders.end()).size() == orders.size());
}

BOOST_AUTO_TEST_CASE(the_order_example_is_started_by_its_event_and_finished_by_the_payment) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 10s));
  auto stored = node.call("POST", "/api/v1/workflows", auraos::test::example_text("order-events.json"));
  BOOST_TEST_REQUIRE(stored.status == 201, stored.body);
  auto created = publish(node.port, {{"type", "order.created"},
                                     {"source", "shop"},
                                     {"data", {{"orderId", "o-7"}, {"total", 12}}}});
  BOOST_TEST_REQUIRE(
      wait_until([&] { return executions_of(node.port, "order-events").size() == 1; }, 20s));
  auto id = executions_of(node.port, "order-events")[0]["id"].get<std::string>();
  BOOST_TEST_REQUIRE(
      wait_until([&] { return node_status(node.port, id, "payment") == "waiting"; }, 10s));
  publish(node.port, {{"type", "payment.received"},
                      {"source", "bank"},
                      {"correlationId", "o-7"},
                      {"data", {{"amount", 12}}}});
  auto done = node.wait_status(id, "completed", 20s);
  BOOST_TEST_REQUIRE(done["status"] == "completed", done.dump());
  auto paid = node.call("GET", "/api/v1/events?type=order.paid").json["items"];
  BOOST_TEST_REQUIRE(paid.size() == 1u, paid.dump());
  BOOST_TEST(paid[0]["data"] == (json{{"orderId", "o-7"}, {"amount", 12}}));
  BOOST_TEST(paid[0]["causationId"] == created[0]["id"], "caused by the event that started it");
  BOOST_TEST(paid[0]["correlationId"] == id);
  BOOST_TEST(node.call("GET", "/api/v1/events?type=order.expired").json["items"].empty());
}

BOOST_AUTO_TEST_SUITE_END()
