// The event REST API on a real node: publish (batches, idempotency, CloudEvents), list with
// every filter and paging, read, correlations, signals, and bad input answered 400/404/422.

#include <boost/test/unit_test.hpp>

#include "tests/support/events_node.hpp"

using namespace std::chrono_literals;
using auraos::test::events_node;
using auraos::test::ids_of;
using nlohmann::json;

namespace {

json event(const std::string& type, const std::string& source, json extra = json::object()) {
  extra["type"] = type;
  extra["source"] = source;
  return extra;
}

/// Publishes the fixture of the filter tests, in this storing order.
json publish_fixture(events_node& node) {
  return node.publish(json::array(
      {event("order.paid", "shop",
             {{"timestamp", "2026-11-30T10:00:00Z"}, {"data", {{"amount", 250}}},
              {"correlationId", "c1"}}),
       event("order.paid", "pos",
             {{"timestamp", "2026-11-30T11:00:00Z"}, {"data", {{"amount", 50}}},
              {"correlationId", "c2"}}),
       event("order.shipped", "shop",
             {{"timestamp", "2026-11-30T12:00:00Z"}, {"data", {{"amount", 250}}},
              {"correlationId", "c1"}}),
       event("user.created", "crm", {{"timestamp", "2026-11-30T13:00:00Z"}})}));
}

/// The ids of the list at `query`.
std::vector<std::string> listed(events_node& node, const std::string& query) {
  return ids_of(node.list_all(query));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_events)

BOOST_AUTO_TEST_CASE(a_published_event_is_stored_with_defaults_and_read_back) {
  events_node node;
  auto stored = node.publish(event("order.paid", "shop", {{"data", {{"orderId", 7}}}}));
  BOOST_TEST_REQUIRE(stored.size() == 1u);
  auto e = stored[0];
  BOOST_TEST(e["id"].get<std::string>().size() == 36u);  // a UUID
  BOOST_TEST(e["timestamp"].get<std::string>().ends_with("Z"));
  BOOST_TEST(e["data"] == json({{"orderId", 7}}));
  BOOST_TEST(e["metadata"] == json::object());
  BOOST_TEST(e["correlationId"].is_null());
  auto read = node.call("GET", "/api/v1/events/" + e["id"].get<std::string>());
  BOOST_TEST(read.status == 200);
  BOOST_TEST(read.json == e);
  BOOST_TEST(node.call("GET", "/api/v1/events/no-such-event").status == 404);
}

BOOST_AUTO_TEST_CASE(a_batch_is_stored_in_order_and_an_empty_one_stores_nothing) {
  events_node node;
  auto batch = json::array();
  for (int i = 0; i < 1000; ++i) batch.push_back(event("tick", "clock", {{"data", {{"n", i}}}}));
  auto stored = node.publish(batch);
  BOOST_TEST_REQUIRE(stored.size() == 1000u);
  BOOST_TEST(stored[999]["data"]["n"] == 999);
  BOOST_TEST(ids_of(node.list_all("type=tick", 300)) == ids_of(stored));
  auto empty = node.call("POST", "/api/v1/events", "[]");
  BOOST_TEST(empty.status == 201);
  BOOST_TEST(empty.json["items"] == json::array());
}

BOOST_AUTO_TEST_CASE(publishing_an_existing_id_answers_the_stored_event) {
  events_node node;
  auto first = node.publish(event("a", "s", {{"id", "fixed-1"}, {"data", {{"v", 1}}}}));
  auto again = node.publish(event("a", "s", {{"id", "fixed-1"}, {"data", {{"v", 2}}}}));
  BOOST_TEST(again == first);
  BOOST_TEST(again[0]["data"]["v"] == 1);
  BOOST_TEST(listed(node, "") == std::vector<std::string>{"fixed-1"});
}

BOOST_AUTO_TEST_CASE(bad_bodies_are_refused_naming_the_place) {
  events_node node;
  auto malformed = node.call("POST", "/api/v1/events", R"({"type": )");
  BOOST_TEST(malformed.status == 400);
  BOOST_TEST(malformed.json["error"]["message"].get<std::string>().find("malformed JSON") !=
             std::string::npos);
  auto not_utf8 = node.call("POST", "/api/v1/events", "{\"type\": \"a\xff\", \"source\": \"s\"}");
  BOOST_TEST(not_utf8.status == 400);
  auto batch = json::array();
  for (int i = 0; i < 5; ++i) batch.push_back(event("t", "s"));
  batch[3].erase("type");
  auto bad = node.call("POST", "/api/v1/events", batch.dump());
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(bad.json["error"]["code"] == "invalid_input");
  BOOST_TEST(bad.json["error"]["details"] == json({"[3].type: is required"}));
  BOOST_TEST(listed(node, "").empty());  // all or nothing
  auto too_many = json::array();
  for (int i = 0; i < 1001; ++i) too_many.push_back(event("t", "s"));
  auto refused = node.call("POST", "/api/v1/events", too_many.dump());
  BOOST_TEST(refused.status == 422);
  BOOST_TEST(refused.json["error"]["message"].get<std::string>().find("at most 1000") !=
             std::string::npos);
  for (const auto& body : {json(event("a b", "s")), json(event("t", std::string(101, 's'))),
                           json(event("t", "s", {{"timestamp", "noon"}})), json("text")}) {
    auto reply = node.call("POST", "/api/v1/events", body.dump());
    BOOST_TEST(reply.status == 422, body.dump() << " -> " << reply.body);
  }
  auto big = json(event("t", "s", {{"data", std::string(2 << 20, 'x')}}));
  BOOST_TEST(node.call("POST", "/api/v1/events", big.dump()).status == 413);
  BOOST_TEST(listed(node, "").empty());
}

BOOST_AUTO_TEST_CASE(cloud_events_are_taken_in_structured_mode) {
  events_node node;
  json ce{{"specversion", "1.0"}, {"id", "ce-1"},           {"type", "order.paid"},
          {"source", "/shop"},    {"time", "2026-11-30T10:00:00Z"}, {"subject", "o7"},
          {"data", {{"orderId", 7}}}, {"correlationid", "c9"}};
  auto one = node.call("POST", "/api/v1/events", ce.dump(),
                       {{"Content-Type", "application/cloudevents+json"}});
  BOOST_TEST_REQUIRE(one.status == 201, one.body);
  auto stored = node.call("GET", "/api/v1/events/ce-1").json;
  BOOST_TEST(stored["source"] == "/shop");
  BOOST_TEST(stored["timestamp"] == "2026-11-30T10:00:00.000Z");
  BOOST_TEST(stored["correlationId"] == "c9");
  BOOST_TEST(stored["metadata"] == json({{"subject", "o7"}}));
  ce["id"] = "ce-2";
  ce["causationid"] = "ce-1";
  auto batch = node.call("POST", "/api/v1/events", json::array({ce}).dump(),
                         {{"Content-Type", "application/cloudevents-batch+json; charset=utf-8"}});
  BOOST_TEST_REQUIRE(batch.status == 201, batch.body);
  BOOST_TEST(batch.json["items"][0]["causationId"] == "ce-1");
  ce.erase("specversion");
  auto bad = node.call("POST", "/api/v1/events", ce.dump(),
                       {{"Content-Type", "application/cloudevents+json"}});
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(bad.json["error"]["details"][0].get<std::string>().starts_with("specversion"));
}

BOOST_AUTO_TEST_CASE(the_list_applies_every_filter_in_storing_order) {
  events_node node;
  auto ids = ids_of(publish_fixture(node));
  using v = std::vector<std::string>;
  BOOST_TEST(listed(node, "") == ids);
  BOOST_TEST(listed(node, "type=order.paid") == (v{ids[0], ids[1]}));
  BOOST_TEST(listed(node, "type=order.paid&type=user.created") == (v{ids[0], ids[1], ids[3]}));
  BOOST_TEST(listed(node, "source=shop") == (v{ids[0], ids[2]}));
  BOOST_TEST(listed(node, "from=2026-11-30T11:00:00Z&to=2026-11-30T13:00:00Z") ==
             (v{ids[1], ids[2]}));
  BOOST_TEST(listed(node, "correlationId=c1") == (v{ids[0], ids[2]}));
  BOOST_TEST(listed(node, "where=event.data.amount%20%3E%20100") == (v{ids[0], ids[2]}));
  BOOST_TEST(listed(node, "where=event.data.missing%20%3E%201").empty());  // error: no match
  BOOST_TEST(listed(node, "type=order.paid&where=event.source%20%3D%3D%20%27pos%27") ==
             (v{ids[1]}));
  BOOST_TEST(ids_of(node.list_all("", 1)) == ids);  // pages of one, no gap, no repeat
}

BOOST_AUTO_TEST_CASE(bad_list_parameters_are_400_naming_the_parameter) {
  events_node node;
  publish_fixture(node);
  std::vector<std::pair<std::string, std::string>> rows{
      {"from=yesterday", "'from'"},    {"to=2026-13-01", "'to'"},
      {"where=event.data.%3E", "'where'"}, {"type=a%20b", "'type'"},
      {"cursor=%21%21", "'cursor'"},   {"cursor=bm9wZQ", "'cursor'"},
      {"limit=0", "'limit'"},          {"limit=1001", "'limit'"}};
  for (const auto& [query, name] : rows) {
    auto reply = node.call("GET", "/api/v1/events?" + query);
    BOOST_TEST(reply.status == 400, query << " -> " << reply.body);
    BOOST_TEST(reply.json["error"]["message"].get<std::string>().find(name) != std::string::npos,
               reply.body);
  }
  auto where = node.call("GET", "/api/v1/events?where=event.data.amount%20%3E").json;
  BOOST_TEST(where["error"]["message"].get<std::string>().find("position") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_correlation_answers_its_events_in_time_order_and_the_causation_tree) {
  events_node node;
  auto root = node.publish(event("order.placed", "shop",
                                 {{"id", "r"}, {"correlationId", "k"},
                                  {"timestamp", "2026-11-30T10:00:00Z"}}));
  node.publish(json::array(
      {event("order.paid", "pay",
             {{"id", "b"}, {"correlationId", "k"}, {"causationId", "r"},
              {"timestamp", "2026-11-30T10:02:00Z"}}),
       event("order.checked", "risk",
             {{"id", "a"}, {"correlationId", "k"}, {"causationId", "r"},
              {"timestamp", "2026-11-30T10:01:00Z"}}),
       event("order.shipped", "ship",
             {{"id", "c"}, {"correlationId", "k"}, {"causationId", "b"},
              {"timestamp", "2026-11-30T10:03:00Z"}}),
       event("note", "ops",
             {{"id", "o"}, {"correlationId", "k"}, {"causationId", "elsewhere"},
              {"timestamp", "2026-11-30T10:04:00Z"}}),
       event("other", "ops", {{"id", "x"}, {"correlationId", "k2"}})}));
  auto reply = node.call("GET", "/api/v1/events/correlations/k");
  BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
  BOOST_TEST(reply.json["correlationId"] == "k");
  BOOST_TEST(ids_of(reply.json["events"]) == (std::vector<std::string>{"r", "a", "b", "c", "o"}));
  BOOST_TEST(reply.json["tree"] == json::parse(R"([
    {"id": "r", "children": [{"id": "a", "children": []},
                             {"id": "b", "children": [{"id": "c", "children": []}]}]},
    {"id": "o", "children": []}])"));
}

BOOST_AUTO_TEST_CASE(a_signal_is_stored_as_an_event_of_its_execution) {
  events_node node;
  json waits{{"id", "waits"},
             {"name", "waits"},
             {"nodes", {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 30}}}}}}};
  json quick{{"id", "quick"}, {"name", "quick"}, {"nodes", {{{"id", "n"}, {"type", "noop"}}}}};
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", waits.dump()).status == 201);
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", quick.dump()).status == 201);
  std::string running = node.call("POST", "/api/v1/workflows/waits/executions", "{}").json["id"];
  std::string done = node.call("POST", "/api/v1/workflows/quick/executions", "{}").json["id"];
  auto signal = node.call("POST", "/api/v1/executions/" + running + "/signal",
                          R"({"name": "approved", "data": {"by": "ada"}})");
  BOOST_TEST_REQUIRE(signal.status == 202, signal.body);
  std::string event_id = signal.json["eventId"];
  auto stored = node.call("GET", "/api/v1/events/" + event_id).json;
  BOOST_TEST(stored["type"] == "approved");
  BOOST_TEST(stored["source"] == "signal");
  BOOST_TEST(stored["correlationId"] == running);
  BOOST_TEST(stored["data"] == json({{"by", "ada"}}));
  BOOST_TEST(node.call("POST", "/api/v1/executions/nope/signal", R"({"name": "x"})").status ==
             404);
  BOOST_TEST(auraos::test::wait_execution_status(node.port, done, "completed", 30s)["status"] ==
             "completed");
  BOOST_TEST(node.call("POST", "/api/v1/executions/" + done + "/signal", R"({"name": "x"})")
                 .status == 409);
  auto bad = node.call("POST", "/api/v1/executions/" + running + "/signal", R"({"data": 1})");
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(bad.json["error"]["details"] == json({"name: is required"}));
}

BOOST_AUTO_TEST_SUITE_END()
