// The REST additions of the dashboard on a real node: executions metrics, the list filters
// startedAfter / startedBefore, the list order `order=newest`, and the workflow search `q`.

#include <boost/test/unit_test.hpp>

#include "runtime/engine/time_text.hpp"
#include "tests/support/serve_node.hpp"

using namespace std::chrono_literals;
using auraos::test::example_text;
using auraos::test::serve_node;
using nlohmann::json;

namespace {

/// A node that ran one diamond execution to its end.
struct node_with_history {
  serve_node node;
  std::string execution_id;

  node_with_history() {
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 20s));
    BOOST_TEST_REQUIRE(
        node.call("POST", "/api/v1/workflows", example_text("diamond.json")).status == 201);
    auto started =
        node.call("POST", "/api/v1/workflows/diamond/executions", R"({"input": {"amount": 5}})");
    BOOST_TEST_REQUIRE(started.status == 202);
    execution_id = started.json["id"];
    BOOST_TEST_REQUIRE(node.wait_status(execution_id, "completed")["status"] == "completed");
  }
};

std::int64_t sum(const json& series, const char* field) {
  std::int64_t total = 0;
  for (const auto& bucket : series) total += bucket[field].get<std::int64_t>();
  return total;
}

std::string error_message(const auraos::test::api_reply& reply) {
  return reply.json["error"]["message"].get<std::string>();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_dashboard_api)

BOOST_AUTO_TEST_CASE(metrics_default_to_the_last_hour_and_count_the_finished_execution) {
  node_with_history n;
  auto metrics = n.node.call("GET", "/api/v1/executions/metrics");
  BOOST_TEST_REQUIRE(metrics.status == 200, metrics.body);
  const auto& body = metrics.json;
  BOOST_TEST(body["intervalSeconds"] == 60);
  BOOST_TEST(body["series"].size() == 60u);
  for (const char* status :
       {"pending", "running", "paused", "completed", "failed", "cancelled", "timed_out"})
    BOOST_TEST(body["byStatus"][status].is_number_integer(), status);
  BOOST_TEST(body["byStatus"]["completed"] == 1);
  BOOST_TEST(sum(body["series"], "started") == 1);
  BOOST_TEST(sum(body["series"], "completed") == 1);
  bool timed = false;
  for (const auto& bucket : body["series"])
    timed = timed || bucket["durationMs"]["p50"].is_number();
  BOOST_TEST(timed);
  auto from = auraos::runtime::engine::parse_rfc3339_ms(body["from"].get<std::string>());
  auto to = auraos::runtime::engine::parse_rfc3339_ms(body["to"].get<std::string>());
  BOOST_TEST_REQUIRE((from && to));
  BOOST_TEST(*to - *from == 3600 * 1000);
}

BOOST_AUTO_TEST_CASE(metrics_take_a_window_and_refuse_bad_values_by_name) {
  node_with_history n;
  auto hours = n.node.call("GET",
                           "/api/v1/executions/metrics?from=2026-01-01T00:00:00Z"
                           "&to=2026-01-01T01:00:00Z&interval=300");
  BOOST_TEST_REQUIRE(hours.status == 200, hours.body);
  BOOST_TEST(hours.json["series"].size() == 12u);
  BOOST_TEST(hours.json["series"][1]["start"] == "2026-01-01T00:05:00.000Z");
  BOOST_TEST(sum(hours.json["series"], "started") == 0);
  const std::vector<std::pair<std::string, std::string>> bad{
      {"interval=0", "'interval'"},
      {"interval=abc", "'interval'"},
      {"from=yesterday", "'from'"},
      {"to=2026-02-30T00:00:00Z", "'to'"},
      {"from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "'from'"},
      {"from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z&interval=60", "1440"}};
  for (const auto& [query, names] : bad) {
    auto reply = n.node.call("GET", "/api/v1/executions/metrics?" + query);
    BOOST_TEST_CONTEXT(query) {
      BOOST_TEST(reply.status == 400);
      BOOST_TEST(error_message(reply).find(names) != std::string::npos, error_message(reply));
    }
  }
}

BOOST_AUTO_TEST_CASE(executions_filter_by_start_time_and_refuse_bad_times) {
  node_with_history n;
  auto ids = [&](const std::string& query) {
    auto reply = n.node.call("GET", "/api/v1/executions?" + query);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    std::vector<std::string> out;
    for (const auto& item : reply.json["items"]) out.push_back(item["id"]);
    return out;
  };
  auto one = std::vector<std::string>{n.execution_id};
  BOOST_TEST(ids("startedAfter=2020-01-01T00:00:00Z") == one);
  BOOST_TEST(ids("startedBefore=2999-01-01T00:00:00Z&workflowId=diamond") == one);
  BOOST_TEST(ids("startedAfter=2999-01-01T00:00:00Z").empty());
  BOOST_TEST(ids("startedBefore=2020-01-01T00:00:00Z&status=completed").empty());
  BOOST_TEST(ids("startedAfter=2020-01-01T00:00:00Z&startedBefore=2999-01-01T00:00:00Z"
                 "&workflowId=diamond&status=completed") == one);
  for (const char* name : {"startedAfter", "startedBefore"}) {
    auto reply = n.node.call("GET", std::string("/api/v1/executions?") + name + "=soon");
    BOOST_TEST(reply.status == 400);
    BOOST_TEST(error_message(reply).find(name) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(executions_page_newest_first_and_cursors_keep_their_order) {
  serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 20s));
  json workflow{{"id", "n"}, {"name", "n"}, {"nodes", {{{"id", "a"}, {"type", "noop"}}}}};
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", workflow.dump()).status == 201);
  for (int i = 0; i < 5; ++i)
    BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows/n/executions").status == 202);
  // Every page of `query`, following nextCursor; the first page's nextCursor in `first_cursor`.
  auto pages = [&](const std::string& query, json& first_cursor) {
    std::vector<std::string> out;
    std::string cursor;
    do {
      auto reply = node.call("GET", "/api/v1/executions?limit=2&" + query + cursor);
      BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
      for (const auto& item : reply.json["items"]) out.push_back(item["id"]);
      if (first_cursor.is_null()) first_cursor = reply.json["nextCursor"];
      cursor = reply.json["nextCursor"].is_null()
                   ? ""
                   : "&cursor=" + reply.json["nextCursor"].get<std::string>();
    } while (!cursor.empty());
    return out;
  };
  json oldest_cursor, newest_cursor;
  auto oldest = pages("order=oldest", oldest_cursor);
  auto newest = pages("order=newest&workflowId=n", newest_cursor);
  BOOST_TEST(oldest.size() == 5u);
  BOOST_TEST(newest == std::vector<std::string>(oldest.rbegin(), oldest.rend()));
  json unused;
  BOOST_TEST(pages("", unused) == oldest);  // oldest first is the default
  const std::vector<std::pair<std::string, std::string>> bad{
      {"order=newest&cursor=" + oldest_cursor.get<std::string>(), "'cursor'"},
      {"order=oldest&cursor=" + newest_cursor.get<std::string>(), "'cursor'"},
      {"cursor=" + newest_cursor.get<std::string>(), "'cursor'"},
      {"order=newest&cursor=bmV3ZXN0Ong6eQ", "'cursor'"},  // "newest:x:y"
      {"order=sideways", "'order'"},
      {"order=", "'order'"},
      {"order=NEWEST", "'order'"}};
  for (const auto& [query, names] : bad) {
    auto reply = node.call("GET", "/api/v1/executions?" + query);
    BOOST_TEST_CONTEXT(query) {
      BOOST_TEST(reply.status == 400);
      BOOST_TEST(error_message(reply).find(names) != std::string::npos, error_message(reply));
    }
  }
}

BOOST_AUTO_TEST_CASE(workflows_are_searched_by_a_case_insensitive_part_of_their_name) {
  serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 20s));
  for (const auto& [id, name] : std::vector<std::pair<std::string, std::string>>{
           {"alpha", "Alpha Pipeline"}, {"beta", "beta"}, {"gamma", "Gamma pipe"}}) {
    json workflow{{"id", id}, {"name", name}, {"nodes", {{{"id", "a"}, {"type", "noop"}}}}};
    BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", workflow.dump()).status == 201);
  }
  auto names = [&](const std::string& q) {
    auto reply = node.call("GET", "/api/v1/workflows?q=" + q);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    std::vector<std::string> out;
    for (const auto& item : reply.json["items"]) out.push_back(item["name"]);
    return out;
  };
  BOOST_TEST(names("alp") == std::vector<std::string>{"Alpha Pipeline"});
  BOOST_TEST(names("PIPE") == (std::vector<std::string>{"Alpha Pipeline", "Gamma pipe"}));
  BOOST_TEST(names("zzz").empty());
  BOOST_TEST(names("").size() == 3u);
  BOOST_TEST(names("%25").empty());  // '%' is text, not a wildcard
  auto long_q = node.call("GET", "/api/v1/workflows?q=" + std::string(300, 'a'));
  BOOST_TEST(long_q.status == 400);
  BOOST_TEST(error_message(long_q).find("'q'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
