// A store made by release 3 (tests/fixtures/release3_store.sqlite.sql, SQLite schema 0002, the
// last before clusters) served by this binary: it upgrades in place to the cluster schema, its
// execution waiting on a 1-day delay is recovered from its shard, and new executions complete.

#include <boost/test/unit_test.hpp>

#include "persistence/shards.hpp"
#include "persistence/sqlite/database.hpp"
#include "persistence/sqlite/statement.hpp"
#include "tests/support/fixture_node.hpp"

using nlohmann::json;
namespace sqlite = auraos::persistence::sqlite;

namespace {

const std::string completed_id = "fa415ca0-d818-47e5-b2f2-d77c49ebc75c";
const std::string waiting_id = "4dcad7c0-917b-4a6b-8e4b-355e253adefa";

/// The stored shard of an execution, read beside the running node.
std::int64_t stored_shard(const std::string& path, const std::string& id) {
  auto db = sqlite::database::open(path);
  BOOST_TEST_REQUIRE(db.has_value());
  auto query = sqlite::statement::prepare(
      db->handle(), "SELECT shard FROM workflow_executions WHERE id = ?1", "read shard");
  BOOST_TEST_REQUIRE(query.has_value());
  query->bind(1, id);
  std::int64_t shard = -1;
  auto read = query->for_each_row([&](const sqlite::statement& row) { shard = row.integer(0); });
  BOOST_TEST_REQUIRE(read.has_value());
  return shard;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_release_3_store_upgrades_and_its_waiting_execution_is_recovered) {
  auraos::test::fixture_node node{"release3_store.sqlite.sql"};
  BOOST_TEST_REQUIRE(node.ready, node.process.err());
  BOOST_TEST(stored_shard(node.db_path, completed_id) == 51);
  BOOST_TEST(stored_shard(node.db_path, waiting_id) == 3);

  auto completed = node.call("GET", "/api/v1/executions/" + completed_id);
  BOOST_TEST_REQUIRE(completed.status == 200, completed.body);
  BOOST_TEST(completed.json["status"] == "completed");
  BOOST_TEST(completed.json["output"] == json::parse(R"({"total":21})"));

  // The execution waiting on its 1-day delay was recovered; cancelling it ends it.
  check_waiting_execution(node, waiting_id, 1796258648022);  // the fixture's timers row

  // A new execution completes and is stored under its shard.
  auto started =
      node.call("POST", "/api/v1/workflows/orders/executions", R"({"input":{"amount":5}})");
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto id = started.json["id"].get<std::string>();
  auto view = node.wait_status(id, "completed");
  BOOST_TEST(view["output"] == json::parse(R"({"total":15})"));
  BOOST_TEST(stored_shard(node.db_path, id) == auraos::persistence::shard_of(id, 64));
}
