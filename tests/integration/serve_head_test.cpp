// HEAD on every GET route of a real node: same status and header fields as GET, no body.

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/serve_node.hpp"

using namespace std::chrono_literals;
using auraos::test::http_call;
using auraos::test::http_connection;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(serve_head)

BOOST_AUTO_TEST_CASE(every_get_route_answers_head_without_a_body) {
  auraos::test::serve_node node;
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 10s));
  auto workflow = json{{"id", "w"}, {"name", "w"}, {"nodes", {{{"id", "a"}, {"type", "noop"}}}}};
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", workflow.dump()).status == 201);
  auto started = node.call("POST", "/api/v1/workflows/w/executions", R"({"input": {}})");
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto execution = "/api/v1/executions/" + started.json["id"].get<std::string>();
  BOOST_TEST_REQUIRE(auraos::test::wait_until(
      [&] { return node.call("GET", execution).json["status"] == "completed"; }, 10s));

  http_connection connection{"127.0.0.1", node.port};
  for (const std::string& target : std::vector<std::string>{
           "/healthz", "/readyz", "/metrics", "/api/v1/supervision", "/api/v1/workflows",
           "/api/v1/workflows/w", "/api/v1/workflows/w/metrics", "/api/v1/workflows/w/revisions",
           "/api/v1/workflows/w/revisions/1", "/api/v1/executions", execution,
           execution + "/history", execution + "/logs", "/api/v1/workflows/nope"}) {
    auto get = connection.request(http_call{"GET", target, "", {}});
    auto head = connection.request(http_call{"HEAD", target, "", {}});
    BOOST_TEST(head.status == get.status, target);
    BOOST_TEST(head.body.empty(), target);
    BOOST_TEST(head.headers["content-type"] == get.headers["content-type"], target);
    // /metrics counts the requests themselves; its length may move between the two.
    if (target != "/metrics")
      BOOST_TEST(head.headers["content-length"] == std::to_string(get.body.size()), target);
    else
      BOOST_TEST(std::stoul(head.headers["content-length"]) > 0u);
  }
}

BOOST_AUTO_TEST_SUITE_END()
