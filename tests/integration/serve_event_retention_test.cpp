// Event retention, cleanup and metrics on a real node: the rule routes, the background
// enforcement (a short interval from a --config file) deleting only what the rules say, the
// manual DELETE /api/v1/events, and GET /api/v1/events/metrics with its parameter checks.
#include <fstream>

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

/// Publishes events (one object or an array); fails the test when the node refuses them.
void publish(std::uint16_t port, const json& events) {
  auto stored = api_call(port, "POST", "/api/v1/events", events.dump());
  BOOST_TEST_REQUIRE(stored.status == 201, stored.body);
}

/// An event of `type` with data `n` at `timestamp`.
json an_event(const std::string& type, int n, const std::string& timestamp,
              const std::string& source = "shop") {
  return {{"type", type}, {"source", source}, {"data", n}, {"timestamp", timestamp}};
}

/// The data of the stored events of `type`, in storing order.
std::vector<int> data_of(std::uint16_t port, const std::string& type) {
  std::vector<int> out;
  auto listed = api_call(port, "GET", "/api/v1/events?limit=1000&type=" + type);
  for (const auto& e : listed.json["items"]) out.push_back(e["data"].get<int>());
  return out;
}

const std::string old_time = "2020-01-01T00:00:00Z";

/// Now as RFC 3339 (seconds).
std::string now_text() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_event_retention)

BOOST_AUTO_TEST_CASE(retention_rules_are_put_read_listed_and_deleted) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 10s));
  auto put = node.call("PUT", "/api/v1/event-retention/order.paid", R"({"maxAgeSeconds": 3600})");
  BOOST_TEST_REQUIRE(put.status == 200, put.body);
  BOOST_TEST(put.json["maxAgeSeconds"] == 3600);
  BOOST_TEST(put.json["maxCount"].is_null());
  put = node.call("PUT", "/api/v1/event-retention/*", R"({"maxCount": 10, "maxAgeSeconds": 60})");
  BOOST_TEST_REQUIRE(put.status == 200, put.body);
  auto one = node.call("GET", "/api/v1/event-retention/order.paid");
  BOOST_TEST_REQUIRE(one.status == 200, one.body);
  BOOST_TEST(one.json["type"] == "order.paid");
  BOOST_TEST(one.json["maxAgeSeconds"] == 3600);
  BOOST_TEST(one.json["updatedAt"].is_string());
  auto all = node.call("GET", "/api/v1/event-retention");
  BOOST_TEST_REQUIRE(all.status == 200, all.body);
  BOOST_TEST(all.json["items"].size() == 2u, all.body);
  BOOST_TEST(all.json["items"][0]["type"] == "*");
  BOOST_TEST(node.call("GET", "/api/v1/event-retention/nothing").status == 404);
  BOOST_TEST(node.call("DELETE", "/api/v1/event-retention/order.paid").status == 204);
  BOOST_TEST(node.call("DELETE", "/api/v1/event-retention/order.paid").status == 404);
  BOOST_TEST(node.call("GET", "/api/v1/event-retention/order.paid").status == 404);

  // Bad bodies: 422 naming the field; malformed JSON 400; a bad type 400.
  for (const auto& [body, field] :
       std::vector<std::pair<std::string, std::string>>{{R"({"maxCount": 0})", "maxCount"},
                                                        {R"({"maxAgeSeconds": -5})", "maxAgeSeconds"},
                                                        {R"({"maxCount": 1.5})", "maxCount"},
                                                        {R"({"maxCount": "3"})", "maxCount"},
                                                        {R"({"maxcount": 3})", "maxcount"},
                                                        {R"({})", "maxAgeSeconds"},
                                                        {R"([1])", "body"}}) {
    auto bad = node.call("PUT", "/api/v1/event-retention/x", body);
    BOOST_TEST(bad.status == 422, body << " -> " << bad.body);
    BOOST_TEST(bad.body.find(field) != std::string::npos, bad.body);
  }
  BOOST_TEST(node.call("PUT", "/api/v1/event-retention/x", "{").status == 400);
  auto bad_type = node.call("PUT", "/api/v1/event-retention/a%20b", R"({"maxCount": 1})");
  BOOST_TEST(bad_type.status == 400, bad_type.body);
  BOOST_TEST(bad_type.body.find("type") != std::string::npos, bad_type.body);
}

BOOST_AUTO_TEST_CASE(the_background_pass_deletes_only_old_events_and_those_beyond_the_count) {
  auraos::test::temp_dir data;
  std::ofstream{data.file("config.json")} << R"({"eventRetentionIntervalMs": 200})";
  auraos::test::serve_process process{{"--http", "127.0.0.1:0", "--data-dir",
                                       data.path().string(), "--config", data.file("config.json")}};
  auto port = process.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 10s));
  auto now = now_text();
  publish(port, json::array({an_event("aged", 1, old_time), an_event("aged", 2, now),
                             an_event("many", 1, now), an_event("many", 2, now),
                             an_event("many", 3, now), an_event("many", 4, old_time),
                             an_event("kept", 1, old_time), an_event("aged", 3, old_time)}));
  BOOST_TEST_REQUIRE(api_call(port, "PUT", "/api/v1/event-retention/aged",
                              R"({"maxAgeSeconds": 3600})").status == 200);
  BOOST_TEST_REQUIRE(api_call(port, "PUT", "/api/v1/event-retention/many",
                              R"({"maxCount": 2})").status == 200);
  BOOST_TEST(wait_until([&] { return data_of(port, "aged") == std::vector<int>{2}; }, 10s));
  BOOST_TEST(wait_until([&] { return data_of(port, "many") == (std::vector<int>{3, 4}); }, 10s));
  BOOST_TEST(data_of(port, "kept") == std::vector<int>{1});
  // The default rule reaches every type without its own rule.
  BOOST_TEST_REQUIRE(api_call(port, "PUT", "/api/v1/event-retention/*",
                              R"({"maxAgeSeconds": 3600})").status == 200);
  BOOST_TEST(wait_until([&] { return data_of(port, "kept").empty(); }, 10s));
  BOOST_TEST(data_of(port, "many") == (std::vector<int>{3, 4}));
}

BOOST_AUTO_TEST_CASE(a_manual_cleanup_deletes_older_events_of_a_type_or_of_all) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 10s));
  auto now = now_text();
  json events = json::array();
  for (int i = 0; i < 30; ++i) events.push_back(an_event("bulk", i, old_time));
  events.push_back(an_event("bulk", 100, now));
  events.push_back(an_event("else", 1, old_time));
  publish(node.port, events);
  auto done = node.call("DELETE", "/api/v1/events?olderThan=2021-01-01T00:00:00Z&type=bulk");
  BOOST_TEST_REQUIRE(done.status == 200, done.body);
  BOOST_TEST(done.json["deleted"] == 30, done.body);
  BOOST_TEST(done.json["complete"] == true);
  BOOST_TEST(data_of(node.port, "bulk") == std::vector<int>{100});
  BOOST_TEST(data_of(node.port, "else") == std::vector<int>{1});
  done = node.call("DELETE", "/api/v1/events?olderThan=2021-01-01T00:00:00Z");
  BOOST_TEST(done.json["deleted"] == 1, done.body);
  BOOST_TEST(data_of(node.port, "else").empty());

  for (const auto& target : {std::string{"/api/v1/events"}, std::string{"/api/v1/events?olderThan=yesterday"}}) {
    auto bad = node.call("DELETE", target);
    BOOST_TEST(bad.status == 400, target << " -> " << bad.body);
    BOOST_TEST(bad.body.find("olderThan") != std::string::npos, bad.body);
  }
  auto bad_type = node.call("DELETE", "/api/v1/events?olderThan=2021-01-01T00:00:00Z&type=a%20b");
  BOOST_TEST(bad_type.status == 400, bad_type.body);
}

BOOST_AUTO_TEST_CASE(metrics_count_events_per_bucket_type_and_source) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 10s));
  publish(node.port, json::array({an_event("a", 1, "2026-01-01T00:00:10Z"),
                                  an_event("a", 2, "2026-01-01T00:00:20Z", "web"),
                                  an_event("b", 3, "2026-01-01T00:01:30Z"),
                                  an_event("a", 4, "2026-01-01T00:05:00Z")}));
  auto got = node.call("GET",
                       "/api/v1/events/metrics?from=2026-01-01T00:00:00Z&to=2026-01-01T00:03:00Z"
                       "&interval=60");
  BOOST_TEST_REQUIRE(got.status == 200, got.body);
  auto& series = got.json["series"];
  BOOST_TEST_REQUIRE(series.size() == 3u, got.body);
  BOOST_TEST(series[0]["total"] == 2);
  BOOST_TEST(series[0]["byType"]["a"] == 2);
  BOOST_TEST(series[0]["bySource"]["web"] == 1);
  BOOST_TEST(series[1]["byType"]["b"] == 1);
  BOOST_TEST(series[2]["total"] == 0);
  BOOST_TEST(got.json["total"] == 3);
  BOOST_TEST(got.json["eventsPerSecond"].get<double>() == 3.0 / 180.0);
  BOOST_TEST(got.json["subscribers"]["count"] == 0);
  BOOST_TEST(got.json["subscribers"]["lagMax"] == 0);

  for (const auto& [query, name] : std::vector<std::pair<std::string, std::string>>{
           {"from=yesterday", "from"},
           {"to=2026-13-01T00:00:00Z", "to"},
           {"interval=abc", "interval"},
           {"interval=0", "interval"},
           {"from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from"},
           {"from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=1", "interval"}}) {
    auto bad = node.call("GET", "/api/v1/events/metrics?" + query);
    BOOST_TEST(bad.status == 400, query << " -> " << bad.body);
    BOOST_TEST(bad.body.find(name) != std::string::npos, query << " -> " << bad.body);
  }
}

BOOST_AUTO_TEST_SUITE_END()
