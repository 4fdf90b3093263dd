#pragma once
// Conformance case: a database made by release 1 (schema 0001) opens with this binary,
// upgrades in place and keeps working. Each backend's factory writes, with release 1's
// columns, exactly these rows:
//   workflow "orders": revision 1 (tags [shop], definition {"v":1}, stored at 1000) and
//     revision 2 (tags [shop, eu], definition {"v":2}, stored at 2000);
//   workflow "old": revision 1 at 1500, deleted at 3000;
//   execution v1_completed of orders r1: completed, input {"n":1}, output {"ok":true},
//     created 1100, started 1200, completed 1700, idempotency key "k1"; history seq 1..3
//     (payload "p\0\xff"); snapshot at seq 3;
//   execution v1_failed of orders r2: failed, error {"type":"shell","message":"boom",...},
//     created 2100, started 2200, completed 2300;
//   execution v1_running of orders r2: running, created 2400, started 2500; history seq 1;
//     timer "t1" at 9000;
//   shard 0 leased by "node-a" at epoch 4.

namespace auraos::test::conformance {

/// The ids of the release-1 executions.
inline const std::string v1_completed = "11111111-1111-4111-8111-111111111111";
inline const std::string v1_failed = "22222222-2222-4222-8222-222222222222";
inline const std::string v1_running = "33333333-3333-4333-8333-333333333333";

}  // namespace auraos::test::conformance

BOOST_AUTO_TEST_SUITE(store_conformance_upgrade)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_release_1_database_upgrades_in_place_and_keeps_working) {
  auto factory = auraos::test::make_store_factory();
  factory->create_version_1_database();
  std::int64_t now_ms = 5000;
  auto opened = factory->open([&now_ms] { return now_ms; });
  BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
  auto db = std::move(opened).value();
  check_seed_schema(*factory);

  // Workflows: both revisions, tags, times; stored before statuses existed, so active.
  auto orders = db->get_workflow("orders");
  AURAOS_REQUIRE_OK(orders);
  BOOST_TEST(orders->revision == 2);
  BOOST_TEST(orders->status == workflow_status::active);
  BOOST_TEST(orders->tags == (std::vector<std::string>{"shop", "eu"}));
  BOOST_TEST(nlohmann::json::parse(orders->definition) == nlohmann::json::parse(R"({"v":2})"));
  BOOST_TEST(orders->created_at == 1000);
  BOOST_TEST(orders->updated_at == 2000);
  BOOST_TEST(db->get_workflow("orders", 1)->tags == std::vector<std::string>{"shop"});
  BOOST_TEST(error_code(db->get_workflow("old")) == store_errc::not_found);
  BOOST_TEST(db->get_workflow("old", 1).has_value());
  BOOST_TEST(ids(db->list_workflows({}, {})->items) == std::vector<std::string>{"orders"});
  workflow_filter active;
  active.status = workflow_status::active;
  BOOST_TEST(db->list_workflows(active, {})->items.size() == 1u);
  BOOST_TEST(revisions(db->list_workflow_revisions("orders", {})->items) ==
             (std::vector<std::int64_t>{1, 2}));

  // Executions: renamed columns keep their data; derived columns are filled for old rows.
  auto completed = db->get_execution(v1_completed);
  AURAOS_REQUIRE_OK(completed);
  BOOST_TEST(completed->status == execution_status::completed);
  BOOST_TEST(same_json(completed->input, R"({"n":1})"));
  BOOST_TEST(same_json(completed->output, R"({"ok":true})"));
  BOOST_TEST(completed->execution_time_ms.value_or(-1) == 500);
  BOOST_TEST(completed->idempotency_key.value_or("") == "k1");
  auto failed = db->get_execution(v1_failed);
  AURAOS_REQUIRE_OK(failed);
  BOOST_TEST(failed->error_message.value_or("") == "boom");
  BOOST_TEST(failed->execution_time_ms.value_or(-1) == 100);
  BOOST_TEST(db->count_executions_by_status()->at("completed") == 1);
  auto unfinished = db->unfinished_executions();
  AURAOS_REQUIRE_OK(unfinished);
  BOOST_TEST(ids(*unfinished) == std::vector<std::string>{v1_running});

  // History, snapshots, timers and leases read as before; appends continue the sequence.
  auto history = db->read_history(v1_completed, 0);
  AURAOS_REQUIRE_OK(history);
  BOOST_REQUIRE(history->size() == 3u);
  BOOST_TEST(history->at(2).payload == std::string("p\0\xff", 3));
  BOOST_TEST(db->latest_snapshot(v1_completed).value()->seq == 3);
  BOOST_TEST(db->due_timers(10000, 10)->size() == 1u);
  BOOST_TEST(db->get_shard_lease(0)->epoch == 4);
  AURAOS_REQUIRE_OK(db->append(appending(v1_running, 2, 1, fence{0, 4})));
  BOOST_TEST(db->read_history(v1_running, 0)->size() == 2u);
  execution_update end{v1_running, execution_status::completed, R"({"done":1})", {}, {},
                       2900,       R"({"nodeAttempts":1})"};
  AURAOS_REQUIRE_OK(db->update_execution(end));
  BOOST_TEST(db->get_execution(v1_running)->execution_time_ms.value_or(-1) == 400);

  // New writes on old rows: a repeated key, a new execution, a new revision, a status.
  execution_record repeat;
  repeat.workflow_id = "orders";
  repeat.idempotency_key = "k1";
  auto again = db->create_execution(repeat);
  AURAOS_REQUIRE_OK(again);
  BOOST_TEST(again->existing);
  BOOST_TEST(again->execution.id == v1_completed);
  execution_record fresh;
  fresh.workflow_id = "orders";
  BOOST_TEST(db->create_execution(fresh)->execution.revision == 2);
  auto third = db->put_workflow({"orders", "orders", "", "3", R"({"v":3})", {"shop"}});
  AURAOS_REQUIRE_OK(third);
  BOOST_TEST(third->revision == 3);
  BOOST_TEST(third->created_at == 1000);
  BOOST_TEST(third->status == workflow_status::active);
  AURAOS_REQUIRE_OK(db->set_workflow_status("orders", workflow_status::archived));

  // Reopening finds the upgraded schema and applies nothing twice.
  db.reset();
  auto reopened = factory->open([&now_ms] { return now_ms; });
  BOOST_REQUIRE_MESSAGE(reopened.has_value(), (reopened ? "" : reopened.error().message));
  BOOST_TEST((*reopened)->get_workflow("orders")->status == workflow_status::archived);
}

BOOST_AUTO_TEST_SUITE_END()
