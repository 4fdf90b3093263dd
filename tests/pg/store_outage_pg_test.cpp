// A node on PostgreSQL while the database stops and comes back under load: not ready and 503
// meanwhile, no crash, every execution started before the outage completes afterwards.
#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/sample_workflows.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using auraos::test::api_call;
using nlohmann::json;

namespace {

constexpr int execution_count = 30;

int readyz_status(std::uint16_t port) {
  return api_call(port, "GET", "/readyz", "", {}, 10s).status;
}

int completed_count(std::uint16_t port) {
  auto page = api_call(
      port, "GET", "/api/v1/executions?workflowId=outage&status=completed&limit=100", "", {}, 10s);
  return page.status == 200 ? static_cast<int>(page.json["items"].size()) : -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store_outage_pg)

BOOST_AUTO_TEST_CASE(database_restart_under_load_is_503_meanwhile_and_loses_nothing) {
  auto server = auraos::test::pg_server::launch();
  BOOST_REQUIRE_MESSAGE(server.has_value(), (server ? "" : server.error()));
  auraos::test::temp_dir data;
  auraos::test::serve_process node{
      {"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--db", (*server)->url()}};
  auto port = node.wait_for_port();
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(port, 30s), node.err());
  BOOST_TEST_REQUIRE(
      api_call(port, "POST", "/api/v1/workflows", auraos::test::wait_then_compute("outage", 2))
          .status == 201);
  for (int i = 0; i < execution_count; ++i)
    BOOST_TEST_REQUIRE(api_call(port, "POST", "/api/v1/workflows/outage/executions", "{}").status ==
                       202);

  BOOST_REQUIRE((*server)->stop().has_value());
  BOOST_TEST(auraos::test::wait_until([&] { return readyz_status(port) == 503; }, 15s));
  auto listed = api_call(port, "GET", "/api/v1/workflows");
  BOOST_TEST(listed.status == 503, listed.body);
  BOOST_TEST(listed.json["error"]["code"] == "unavailable", listed.body);
  auto started = api_call(port, "POST", "/api/v1/workflows/outage/executions", "{}");
  BOOST_TEST(started.status == 503, started.body);
  // The store actor logs the outage once and probes; the decisions of delays ending meanwhile
  // are held until the database is back.
  BOOST_CHECK_NO_THROW(node.wait_for_line("warn.*store is unavailable", 20s));
  BOOST_TEST(auraos::test::metric_value(port, "auraos_store_up") == 0);

  BOOST_REQUIRE((*server)->start().has_value());
  BOOST_TEST(auraos::test::wait_until([&] { return readyz_status(port) == 200; }, 30s));
  BOOST_CHECK_NO_THROW(node.wait_for_line("info.*store is available again after", 5s));
  BOOST_TEST(
      auraos::test::wait_until([&] { return completed_count(port) == execution_count; }, 60s),
      "completed: " << completed_count(port) << "\n"
                    << node.err());
  BOOST_TEST(node.wait_exit(0ms) == -1, "the node stopped: " << node.err());
  auto tree = api_call(port, "GET", "/api/v1/supervision").json;
  for (const auto& child : tree["children"]) BOOST_TEST(child["restarts"] == 0, child.dump());
}

BOOST_AUTO_TEST_SUITE_END()
