// A store made by release 1 (tests/fixtures/release1_store.sqlite.sql, schema 0001) served by
// this binary: it upgrades in place, its workflows, revisions, executions and histories stay
// readable, its waiting execution is recovered, and new executions fill the new columns.

#include <boost/test/unit_test.hpp>

#include "persistence/sqlite/database.hpp"
#include "persistence/sqlite/statement.hpp"
#include "tests/support/fixture_node.hpp"

using nlohmann::json;
namespace sqlite = auraos::persistence::sqlite;

namespace {

const std::string completed_id = "a745300b-e507-48d8-b0ff-17388acf00cd";
const std::string failed_id = "44425597-e5a1-494c-a28a-b2dd217b94d1";
const std::string waiting_id = "f752d924-bb3f-4af8-b1b8-4b494ffe1948";

/// The columns (as text, "NULL" for null) of one execution row, read beside the running node.
std::vector<std::string> execution_columns(const std::string& path, const std::string& id) {
  auto db = sqlite::database::open(path);
  BOOST_TEST_REQUIRE(db.has_value());
  auto query = sqlite::statement::prepare(
      db->handle(),
      "SELECT execution_time, error_message, metrics, input_data, output_data, "
      "completed_at - started_at FROM workflow_executions WHERE id = ?1",
      "read execution columns");
  BOOST_TEST_REQUIRE(query.has_value());
  query->bind(1, id);
  std::vector<std::string> columns;
  auto read = query->for_each_row([&](const sqlite::statement& row) {
    for (int i = 0; i < 6; ++i) columns.push_back(row.optional_text(i).value_or("NULL"));
  });
  BOOST_TEST_REQUIRE(read.has_value());
  return columns;
}

struct release_1_node : auraos::test::fixture_node {
  release_1_node() : fixture_node("release1_store.sqlite.sql") {}
};

}  // namespace

BOOST_AUTO_TEST_SUITE(serve_upgrade)

BOOST_AUTO_TEST_CASE(a_release_1_store_keeps_its_workflows_and_revisions) {
  release_1_node node;
  BOOST_TEST_REQUIRE(node.ready, node.process.err());
  auto orders = node.call("GET", "/api/v1/workflows/orders");
  BOOST_TEST_REQUIRE(orders.status == 200, orders.body);
  BOOST_TEST(orders.json["revision"] == 2);
  BOOST_TEST(orders.json["status"] == "active");
  BOOST_TEST(orders.json["tags"] == json::parse(R"(["shop","eu"])"));
  auto revisions = node.call("GET", "/api/v1/workflows/orders/revisions");
  BOOST_TEST_REQUIRE(revisions.json["items"].size() == 2u, revisions.body);
  auto first = node.call("GET", "/api/v1/workflows/orders/revisions/1");
  BOOST_TEST(first.json["definition"]["nodes"].size() == 1u, first.body);
  BOOST_TEST(node.call("GET", "/api/v1/workflows?status=active").json["items"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_release_1_store_keeps_its_executions_and_fills_the_new_columns) {
  release_1_node node;
  BOOST_TEST_REQUIRE(node.ready, node.process.err());
  auto completed = node.call("GET", "/api/v1/executions/" + completed_id);
  BOOST_TEST_REQUIRE(completed.status == 200, completed.body);
  BOOST_TEST(completed.json["output"] == json::parse(R"({"total":14})"));
  BOOST_TEST(completed.json["input"] == json::parse(R"({"amount":7})"));
  auto history = node.call("GET", "/api/v1/executions/" + completed_id + "/history");
  BOOST_TEST(history.json["items"].size() == 6u, history.body);
  auto failed = node.call("GET", "/api/v1/executions/" + failed_id);
  BOOST_TEST(failed.json["status"] == "failed");
  BOOST_TEST(failed.json["error"]["message"].get<std::string>().find("code 3") !=
             std::string::npos);
  auto old_failed = execution_columns(node.db_path, failed_id);
  BOOST_TEST_REQUIRE(old_failed.size() == 6u);
  BOOST_TEST(old_failed[0] == old_failed[5]);  // execution_time backfilled: completed - started
  BOOST_TEST(old_failed[1].find("code 3") != std::string::npos, old_failed[1]);

  // The execution waiting on its 1-day delay (timers row of the fixture) was recovered.
  check_waiting_execution(node, waiting_id, 1796175636505);

  // A new execution of revision 2 (total = amount * 3) fills the new columns.
  auto started =
      node.call("POST", "/api/v1/workflows/orders/executions", R"({"input":{"amount":7}})");
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto id = started.json["id"].get<std::string>();
  auto view = node.wait_status(id, "completed");
  BOOST_TEST(view["revision"] == 2);
  BOOST_TEST(view["output"] == json::parse(R"({"total":21})"));
  auto fresh = execution_columns(node.db_path, id);
  BOOST_TEST_REQUIRE(fresh.size() == 6u);
  BOOST_TEST(fresh[0] != "NULL");
  BOOST_TEST(fresh[0] == fresh[5]);
  BOOST_TEST(fresh[1] == "NULL");  // no error
  BOOST_TEST(json::parse(fresh[2])["nodeAttempts"] == 3, fresh[2]);
  BOOST_TEST(json::parse(fresh[3]) == json::parse(R"({"amount":7})"));
  BOOST_TEST(json::parse(fresh[4]) == json::parse(R"({"total":21})"));
}

BOOST_AUTO_TEST_SUITE_END()
