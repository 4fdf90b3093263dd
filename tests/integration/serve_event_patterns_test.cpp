// Pattern rules on a real node: sequence, absence and threshold end to end over REST (the
// derived event is stored with data.matched and causationId), a sequence window across kill -9,
// a deleted rule that stops matching, and the REST answers for bad input. The rate kind, whose
// windows are real time on a node, is driven on a simulated clock in patterns_rate_test.
#include <csignal>
#include <thread>

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

/// Stores a rule; its stored form.
json create_rule(std::uint16_t port, const json& rule) {
  auto stored = api_call(port, "POST", "/api/v1/event-patterns", rule.dump());
  BOOST_TEST_REQUIRE(stored.status == 201, stored.body);
  return stored.json;
}

/// Publishes events (one object or an array); the stored ones.
json publish(std::uint16_t port, const json& events) {
  auto stored = api_call(port, "POST", "/api/v1/events", events.dump());
  BOOST_TEST_REQUIRE(stored.status == 201, stored.body);
  return stored.json["items"];
}

/// The stored events of `type`.
json events_of(std::uint16_t port, const std::string& type) {
  return api_call(port, "GET", "/api/v1/events?limit=1000&type=" + type).json["items"];
}

/// Waits until at least `count` events of `type` are stored; them.
json wait_events(std::uint16_t port, const std::string& type, std::size_t count,
                 std::chrono::milliseconds limit = 20s) {
  wait_until([&] { return events_of(port, type).size() >= count; }, limit);
  return events_of(port, type);
}

json event(const std::string& type, const json& data) {
  return {{"type", type}, {"source", "test"}, {"data", data}};
}

json emit(const std::string& type) { return {{"type", type}, {"source", "patterns"}}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_event_patterns)

BOOST_AUTO_TEST_CASE(a_sequence_rule_emits_a_derived_event) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  auto rule = create_rule(node.port, {{"id", "fast"}, {"name", "paid then shipped"},
                                      {"kind", "sequence"},
                                      {"steps", {{{"type", "order.paid"}}, {{"type", "order.shipped"}}}},
                                      {"within", 60}, {"by", "orderId"}, {"emit", emit("order.fast")}});
  BOOST_TEST(rule["id"] == "fast");
  BOOST_TEST(rule["matches"] == 0);
  auto paid = publish(node.port, event("order.paid", {{"orderId", 7}}))[0];
  publish(node.port, event("order.shipped", {{"orderId", 8}}));
  auto shipped = publish(node.port, event("order.shipped", {{"orderId", 7}}))[0];
  auto derived = wait_events(node.port, "order.fast", 1);
  BOOST_TEST_REQUIRE(derived.size() == 1u, derived.dump());
  BOOST_TEST(derived[0]["causationId"] == shipped["id"]);
  BOOST_TEST(derived[0]["data"]["matched"] == (json{paid["id"], shipped["id"]}));
  BOOST_TEST(derived[0]["data"]["patternId"] == "fast");
  BOOST_TEST(derived[0]["data"]["by"] == 7);
  BOOST_TEST_REQUIRE(wait_until([&] {
    return node.call("GET", "/api/v1/event-patterns/fast").json["matches"] == 1;
  }, 10s));
}

BOOST_AUTO_TEST_CASE(a_rule_replaced_and_recreated_back_to_back_keeps_the_service_up) {
  // Each replacement stops the rule's actor and asks for a new one of the same name while the
  // supervisor may still hold the old one: the service asks again instead of failing (it used
  // to fail, and rest_for_one restarted it and the HTTP service).
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  json rule{{"id", "fast"}, {"name", "a then b"}, {"kind", "sequence"},
            {"steps", {{{"type", "a"}}, {{"type", "b"}}}}, {"within", 60}, {"emit", emit("c")}};
  create_rule(node.port, rule);
  for (int i = 0; i < 6; ++i)
    BOOST_TEST(node.call("PUT", "/api/v1/event-patterns/fast", rule.dump()).status == 200);
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(node.call("DELETE", "/api/v1/event-patterns/fast").status == 204);
    create_rule(node.port, rule);
  }
  auto tree = node.call("GET", "/api/v1/supervision").json;
  for (const auto& child : tree["children"]) BOOST_TEST(child["restarts"] == 0, child.dump());
  publish(node.port, event("a", json::object()));
  publish(node.port, event("b", json::object()));
  BOOST_TEST(wait_events(node.port, "c", 1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_absence_rule_emits_when_its_window_closes) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  create_rule(node.port, {{"name", "unpaid"}, {"kind", "absence"},
                          {"first", {{"type", "order.created"}}}, {"then", {{"type", "order.paid"}}},
                          {"within", 0.3}, {"by", "orderId"}, {"emit", emit("order.unpaid")}});
  auto created = publish(node.port, json::array({event("order.created", {{"orderId", 1}}),
                                                 event("order.created", {{"orderId", 2}})}));
  publish(node.port, event("order.paid", {{"orderId", 1}}));
  auto derived = wait_events(node.port, "order.unpaid", 1);
  BOOST_TEST_REQUIRE(derived.size() == 1u, derived.dump());
  BOOST_TEST(derived[0]["data"]["matched"] == (json{created[1]["id"]}));
  BOOST_TEST(derived[0]["causationId"] == created[1]["id"]);
}

BOOST_AUTO_TEST_CASE(a_threshold_rule_matches_until_it_is_deleted) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  auto rule = create_rule(node.port, {{"name", "failures"}, {"kind", "threshold"},
                                      {"type", "login.failed"}, {"count", 3}, {"within", 60},
                                      {"emit", emit("login.alarm")}});
  auto id = rule["id"].get<std::string>();
  json failed;
  for (int i = 0; i < 3; ++i) failed.push_back(publish(node.port, event("login.failed", {{"n", i}}))[0]);
  auto derived = wait_events(node.port, "login.alarm", 1);
  BOOST_TEST_REQUIRE(derived.size() == 1u, derived.dump());
  BOOST_TEST(derived[0]["data"]["matched"] ==
             (json{failed[0]["id"], failed[1]["id"], failed[2]["id"]}));
  BOOST_TEST(derived[0]["causationId"] == failed[2]["id"]);

  auto deleted = node.call("DELETE", "/api/v1/event-patterns/" + id);
  BOOST_TEST_REQUIRE(deleted.status == 204, deleted.body);
  BOOST_TEST(node.call("GET", "/api/v1/event-patterns/" + id).status == 404);
  BOOST_TEST(node.call("DELETE", "/api/v1/event-patterns/" + id).status == 404);
  for (int i = 0; i < 3; ++i) publish(node.port, event("login.failed", {{"n", 10 + i}}));
  // A marker rule created after the deletion sees the next event: once it matched, the deleted
  // rule would have matched too.
  create_rule(node.port, {{"name", "marker"}, {"kind", "threshold"}, {"type", "marker"},
                          {"count", 1}, {"within", 60}, {"emit", emit("marker.seen")}});
  publish(node.port, event("login.failed", {{"n", 13}}));
  publish(node.port, event("marker", json::object()));
  BOOST_TEST_REQUIRE(wait_events(node.port, "marker.seen", 1).size() == 1u);
  BOOST_TEST(events_of(node.port, "login.alarm").size() == 1u);
}

BOOST_AUTO_TEST_CASE(rest_answers_bad_input_without_a_500) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  auto bad = node.call("POST", "/api/v1/event-patterns",
                       json{{"name", "x"}, {"kind", "sequence"}, {"within", -1}}.dump());
  BOOST_TEST(bad.status == 422, bad.body);
  auto details = bad.json["error"]["details"].dump();
  BOOST_TEST(details.find("within") != std::string::npos, details);
  BOOST_TEST(details.find("emit") != std::string::npos, details);
  BOOST_TEST(node.call("POST", "/api/v1/event-patterns", "{oops").status == 400);
  BOOST_TEST(node.call("POST", "/api/v1/event-patterns", "[1]").status == 422);
  BOOST_TEST(node.call("GET", "/api/v1/event-patterns/none").status == 404);
  auto rule = json{{"id", "t"}, {"name", "t"}, {"kind", "threshold"}, {"type", "a"},
                   {"count", 2}, {"within", 5}, {"emit", emit("b")}};
  BOOST_TEST(node.call("PUT", "/api/v1/event-patterns/t", rule.dump()).status == 404);
  create_rule(node.port, rule);
  BOOST_TEST(node.call("POST", "/api/v1/event-patterns", rule.dump()).status == 409);
  rule["count"] = 3;
  auto replaced = node.call("PUT", "/api/v1/event-patterns/t", rule.dump());
  BOOST_TEST(replaced.status == 200, replaced.body);
  BOOST_TEST(replaced.json["count"] == 3);
  rule["id"] = "other";
  BOOST_TEST(node.call("PUT", "/api/v1/event-patterns/t", rule.dump()).status == 422);
  BOOST_TEST(node.call("GET", "/api/v1/event-patterns?cursor=zzz").status == 400);
  create_rule(node.port, {{"name", "u"}, {"kind", "threshold"}, {"type", "a"}, {"count", 2},
                          {"within", 5}, {"emit", emit("b")}});
  auto first = node.call("GET", "/api/v1/event-patterns?limit=1");
  BOOST_TEST_REQUIRE(first.status == 200, first.body);
  BOOST_TEST(first.json["items"].size() == 1u);
  BOOST_TEST_REQUIRE(first.json["nextCursor"].is_string(), first.body);
  auto second = node.call("GET", "/api/v1/event-patterns?limit=1&cursor=" +
                                     first.json["nextCursor"].get<std::string>());
  BOOST_TEST_REQUIRE(second.status == 200, second.body);
  BOOST_TEST(second.json["items"].size() == 1u);
  BOOST_TEST(second.json["items"][0]["id"] != first.json["items"][0]["id"]);
}

BOOST_AUTO_TEST_CASE(a_sequence_window_spans_a_kill_9) {
  auraos::test::temp_dir data;
  std::vector<std::string> args{"--http", "127.0.0.1:0", "--data-dir", data.path().string()};
  json paid;
  {
    auraos::test::serve_process first{args};
    auto port = first.wait_for_port();
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
    create_rule(port, {{"id", "crash"}, {"name", "across a crash"}, {"kind", "sequence"},
                       {"steps", {{{"type", "step.a"}}, {{"type", "step.b"}}}},
                       {"within", 600}, {"by", "correlationId"}, {"emit", emit("steps.done")}});
    paid = publish(port, {{"type", "step.a"}, {"source", "test"}, {"correlationId", "k"}})[0];
    first.signal(SIGKILL);
    BOOST_TEST(first.wait_exit(10s) == 128 + SIGKILL);
  }
  auraos::test::serve_process second{args};
  auto port = second.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s));
  auto b = publish(port, {{"type", "step.b"}, {"source", "test"}, {"correlationId", "k"}})[0];
  auto derived = wait_events(port, "steps.done", 1);
  BOOST_TEST_REQUIRE(derived.size() == 1u, derived.dump());
  BOOST_TEST(derived[0]["data"]["matched"] == (json{paid["id"], b["id"]}));
  BOOST_TEST(derived[0]["causationId"] == b["id"]);
  BOOST_TEST(derived[0]["correlationId"] == "k");
}

BOOST_AUTO_TEST_SUITE_END()
