// `auraos serve --db postgresql://...` against a throwaway server: REST workflow and execution
// end to end, and the state is still there for the next node.
#include <csignal>

#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/serve_node.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

/// A node on 127.0.0.1:0 whose store is the given PostgreSQL database.
struct pg_node {
  explicit pg_node(const std::string& url)
      : process{{"--http", "127.0.0.1:0", "--data-dir", data.path().string(), "--db", url}} {}

  auraos::test::api_reply call(const std::string& method, const std::string& target,
                               const std::string& body = "") {
    return auraos::test::api_call(port, method, target, body);
  }

  /// Polls the execution until its status is `status`; its last view.
  json wait_status(const std::string& id, const std::string& status) {
    return auraos::test::wait_execution_status(port, id, status, 60s);
  }

  auraos::test::temp_dir data;
  auraos::test::serve_process process;
  std::uint16_t port = process.wait_for_port();
  bool ready = auraos::test::wait_ready(port, 30s);
};

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_pg)

BOOST_AUTO_TEST_CASE(execution_started_over_rest_completes_and_outlives_the_node) {
  auto server = auraos::test::pg_server::launch();
  BOOST_REQUIRE_MESSAGE(server.has_value(), (server ? "" : server.error()));
  std::string id;
  {
    pg_node node{(*server)->url()};
    BOOST_TEST_REQUIRE(node.ready, node.process.err());
    auto created =
        node.call("POST", "/api/v1/workflows", auraos::test::example_text("diamond.json"));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    auto started = node.call("POST", "/api/v1/workflows/diamond/executions", R"({"input": {}})");
    BOOST_TEST_REQUIRE(started.status == 202, started.body);
    id = started.json["id"].get<std::string>();
    auto done = node.wait_status(id, "completed");
    BOOST_TEST_REQUIRE(done["status"] == "completed", done.dump());
    BOOST_TEST(done["output"]["total"] == 3, done.dump());
    node.process.signal(SIGTERM);
    BOOST_TEST(node.process.wait_exit(30s) == 0, node.process.err());
  }
  pg_node again{(*server)->url()};
  BOOST_TEST_REQUIRE(again.ready, again.process.err());
  auto view = again.call("GET", "/api/v1/executions/" + id);
  BOOST_TEST(view.status == 200, view.body);
  BOOST_TEST(view.json["status"] == "completed", view.body);
  auto history = again.call("GET", "/api/v1/executions/" + id + "/history");
  BOOST_TEST_REQUIRE(history.json["items"].is_array(), history.body);
  BOOST_TEST(history.json["items"].front()["seq"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
