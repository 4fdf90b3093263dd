#pragma once
// Conformance case: a database made by the release before clusters (SQLite schema 2,
// PostgreSQL schema 3) upgrades in place: its rows get their shard (shard_of(id, 64)), it
// keeps 64 shards, and its single-node leases keep their epochs and never expire. Each
// backend's factory writes the rows of store_conformance_upgrade.hpp, migrates them to that
// schema, then adds, with that release's columns (or functions):
//   execution pre_cluster_running of orders r2: running, created 2600, started 2700;
//     timer "t2" at 9500.

namespace auraos::test::conformance {

/// The execution the release before clusters wrote (shard_of(id, 64) = 53).
inline const std::string pre_cluster_running = "44444444-4444-4444-8444-444444444444";

}  // namespace auraos::test::conformance

BOOST_AUTO_TEST_SUITE(store_conformance_cluster_upgrade)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_database_from_before_clusters_upgrades_in_place) {
  auto factory = auraos::test::make_store_factory();
  factory->create_pre_cluster_database();
  std::int64_t now_ms = 5000;
  auto opened = factory->open([&now_ms] { return now_ms; });
  BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
  auto db = std::move(opened).value();

  const std::vector<std::pair<std::string, std::string>> columns{
      {"workflow_executions", "shard"}, {"timers", "shard"},
      {"shard_leases", "incarnation"},  {"shard_leases", "expires_at"},
      {"cluster_meta", "shards"},       {"cluster_nodes", "name"},
      {"cluster_nodes", "incarnation"}, {"cluster_nodes", "left_at"}};
  for (const auto& [table, column] : columns)
    BOOST_TEST(factory->has_column(table, column), table << "." << column);
  // Only a backend of clusters indexes the shard columns (SQLite's would slow every write).
  BOOST_TEST(factory->has_index("idx_workflow_executions_unfinished_shard") ==
             factory->serves_clusters());
  BOOST_TEST(factory->has_index("idx_timers_shard_deadline") == factory->serves_clusters());

  // It served with 64 shards: the count is stored, a different one is refused.
  BOOST_TEST(db->shard_count() == 64);
  BOOST_TEST(db->ensure_shard_count(std::nullopt).value() == 64);
  BOOST_TEST(error_code(db->ensure_shard_count(16)) == store_errc::conflict);

  // Old rows were back-filled with shard_of(id, 64).
  BOOST_TEST(shard_of(v1_running, 64) == 43);
  BOOST_TEST(shard_of(pre_cluster_running, 64) == 53);
  BOOST_TEST(ids(db->unfinished_executions().value()) ==
             (std::vector<std::string>{v1_running, pre_cluster_running}));
  BOOST_TEST(ids(db->unfinished_executions({43}).value()) == std::vector<std::string>{v1_running});
  BOOST_TEST(ids(db->unfinished_executions({53}).value()) ==
             std::vector<std::string>{pre_cluster_running});
  BOOST_TEST(db->unfinished_executions({0, 1, 2}).value().empty());
  BOOST_TEST(db->due_timers(10000, 10, {43}).value().at(0).timer_id == "t1");
  BOOST_TEST(db->due_timers(10000, 10, {53}).value().at(0).timer_id == "t2");
  BOOST_TEST(db->due_timers(10000, 10).value().size() == 2u);
  BOOST_TEST(db->next_timer_deadline({53}).value().value_or(0) == 9500);

  // The single-node lease keeps its epoch and still admits its holder's writes.
  BOOST_TEST(db->get_shard_lease(0)->epoch == 4);
  AURAOS_REQUIRE_OK(db->append(appending(v1_running, 2, 1, fence{0, 4})));
  execution_record fresh;
  fresh.workflow_id = "orders";
  auto created = db->create_execution(fresh, fence{0, 4});
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(ids(db->unfinished_executions({0}).value()) ==
             std::vector<std::string>{created->execution.id});
  auto next = db->acquire_shard(0, "node-b");
  AURAOS_REQUIRE_OK(next);
  BOOST_TEST(next->epoch == 5);
}

BOOST_AUTO_TEST_SUITE_END()
