#pragma once
// Conformance cases of shards: the shard count (cluster_meta), rows stored under their shard,
// shard-filtered reads, the fenced create, and leases that expire.

BOOST_FIXTURE_TEST_SUITE(store_conformance_shards, auraos::test::store_fixture)

using namespace auraos::test::conformance;

namespace {

/// A shard taken by node-a: its fence.
fence take(store& db, std::int64_t shard) {
  auto lease = db.acquire_shard(shard, "node-a");
  AURAOS_REQUIRE_OK(lease);
  return fence{shard, lease->epoch};
}

/// An execution of `workflow_id` created under `lease`.
execution_record create_under(store& db, const std::string& workflow_id, fence lease,
                              execution_status status = execution_status::running) {
  execution_record e;
  e.workflow_id = workflow_id;
  e.status = status;
  auto created = db.create_execution(e, lease);
  AURAOS_REQUIRE_OK(created);
  return created->execution;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_shard_count_is_fixed_once_and_checked_after) {
  BOOST_TEST(db->shard_count() == 64);
  auto fixed = db->ensure_shard_count(16);
  AURAOS_REQUIRE_OK(fixed);
  BOOST_TEST(*fixed == 16);
  BOOST_TEST(db->shard_count() == 16);
  BOOST_TEST(db->ensure_shard_count(std::nullopt).value() == 16);
  BOOST_TEST(db->ensure_shard_count(16).value() == 16);
  auto other = db->ensure_shard_count(32);
  BOOST_TEST(error_code(other) == store_errc::conflict);
  BOOST_TEST(other.error().message.find("16") != std::string::npos);
  BOOST_TEST(other.error().message.find("32") != std::string::npos);
  BOOST_TEST(error_code(db->ensure_shard_count(0)) == store_errc::invalid);
  reopen();
  BOOST_TEST(db->shard_count() == 16);
  // Rows without a fence go to shard_of(id, 16).
  add_workflow("wf");
  auto e = add_execution("wf");
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "t", 100}));
  auto shard = shard_of(e.id, 16);
  BOOST_TEST(ids(db->unfinished_executions({shard}).value()) == std::vector<std::string>{e.id});
  BOOST_TEST(db->unfinished_executions({(shard + 1) % 16}).value().empty());
  BOOST_TEST(db->due_timers(100, 10, {shard}).value().size() == 1u);
  BOOST_TEST(db->next_timer_deadline({shard}).value().value_or(0) == 100);
}

BOOST_AUTO_TEST_CASE(a_fresh_database_adopts_the_first_count_without_a_request) {
  BOOST_TEST(db->ensure_shard_count(std::nullopt).value() == 64);
  BOOST_TEST(error_code(db->ensure_shard_count(8)) == store_errc::conflict);
}

BOOST_AUTO_TEST_CASE(unfinished_executions_are_read_by_shard) {
  add_workflow("wf");
  auto three = take(*db, 3);
  auto five = take(*db, 5);
  auto a = create_under(*db, "wf", three);
  ++now_ms;
  auto b = create_under(*db, "wf", five);
  ++now_ms;
  auto c = create_under(*db, "wf", three, execution_status::paused);
  ++now_ms;
  create_under(*db, "wf", three, execution_status::completed);
  execution_record unfenced;  // no fence: stored under shard_of(id, 64) = 41
  unfenced.id = "66666666-6666-4666-8666-666666666666";
  unfenced.workflow_id = "wf";
  AURAOS_REQUIRE_OK(db->create_execution(unfenced));
  BOOST_TEST(shard_of(unfenced.id, 64) == 41);
  BOOST_TEST(ids(db->unfinished_executions({3}).value()) == (std::vector<std::string>{a.id, c.id}));
  BOOST_TEST(ids(db->unfinished_executions({5}).value()) == std::vector<std::string>{b.id});
  BOOST_TEST(ids(db->unfinished_executions({3, 5}).value()) ==
             (std::vector<std::string>{a.id, b.id, c.id}));
  BOOST_TEST(ids(db->unfinished_executions({41, 42}).value()) ==
             std::vector<std::string>{unfenced.id});
  BOOST_TEST(db->unfinished_executions().value().size() == 4u);
  BOOST_TEST(db->unfinished_executions({}).value().size() == 4u);
}

BOOST_AUTO_TEST_CASE(timers_are_read_by_shard) {
  add_workflow("wf");
  auto three = take(*db, 3);
  auto five = take(*db, 5);
  auto a = create_under(*db, "wf", three);
  auto b = create_under(*db, "wf", five);
  AURAOS_REQUIRE_OK(db->put_timer({a.id, "a1", 300}, three));
  AURAOS_REQUIRE_OK(db->put_timer({a.id, "a2", 100}, three));
  AURAOS_REQUIRE_OK(db->put_timer({b.id, "b1", 200}, five));
  AURAOS_REQUIRE_OK(db->put_timer({b.id, "b2", 900}, five));
  auto names = [](const std::vector<timer_record>& timers) {
    std::vector<std::string> out;
    for (const auto& t : timers) out.push_back(t.timer_id);
    return out;
  };
  BOOST_TEST(names(db->due_timers(500, 10, {3}).value()) == (std::vector<std::string>{"a2", "a1"}));
  BOOST_TEST(names(db->due_timers(500, 10, {5}).value()) == std::vector<std::string>{"b1"});
  BOOST_TEST(names(db->due_timers(500, 2, {3, 5}).value()) ==
             (std::vector<std::string>{"a2", "b1"}));
  BOOST_TEST(names(db->due_timers(500, 10).value()) ==
             (std::vector<std::string>{"a2", "b1", "a1"}));
  BOOST_TEST(db->due_timers(500, 10, {7}).value().empty());
  BOOST_TEST(db->next_timer_deadline({5}).value().value_or(0) == 200);
  BOOST_TEST(db->next_timer_deadline({3}).value().value_or(0) == 100);
  BOOST_TEST(!db->next_timer_deadline({7}).value().has_value());
  BOOST_TEST(db->next_timer_deadline().value().value_or(0) == 100);
}

BOOST_AUTO_TEST_CASE(create_execution_with_a_stale_epoch_is_fenced) {
  add_workflow("wf");
  auto mine = take(*db, 4);
  auto theirs = db->acquire_shard(4, "node-b");
  AURAOS_REQUIRE_OK(theirs);
  execution_record e;
  e.workflow_id = "wf";
  e.idempotency_key = "k";
  BOOST_TEST(error_code(db->create_execution(e, mine)) == store_errc::fenced);
  BOOST_TEST(db->unfinished_executions().value().empty());
  BOOST_TEST(error_code(db->create_execution(e, fence{9, 1})) == store_errc::fenced);
  auto created = db->create_execution(e, fence{4, theirs->epoch});
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(!created->existing);
  BOOST_TEST(ids(db->unfinished_executions({4}).value()) ==
             std::vector<std::string>{created->execution.id});
  // A repeated key under the current lease answers the first one.
  auto again = db->create_execution(e, fence{4, theirs->epoch});
  AURAOS_REQUIRE_OK(again);
  BOOST_TEST(again->existing);
}

BOOST_AUTO_TEST_CASE(an_expired_lease_fences_every_write_until_acquired_again) {
  add_workflow("wf");
  auto lease = take(*db, 4);
  auto e = create_under(*db, "wf", lease);
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "t", 100}, lease));
  factory->set_lease_expiry(4, 4'102'444'800'000);  // in 2100: still valid
  AURAOS_REQUIRE_OK(db->append(appending(e.id, 1, 1, lease)));
  factory->set_lease_expiry(4, 1);  // ended in 1970, nobody took the shard since
  execution_record other;
  other.workflow_id = "wf";
  BOOST_TEST(error_code(db->create_execution(other, lease)) == store_errc::fenced);
  execution_update done{e.id, execution_status::completed, {}, {}, {}, {}};
  BOOST_TEST(error_code(db->update_execution(done, lease)) == store_errc::fenced);
  BOOST_TEST(error_code(db->append(appending(e.id, 2, 1, lease))) == store_errc::fenced);
  BOOST_TEST(error_code(db->put_snapshot({e.id, 1, "s"}, lease)) == store_errc::fenced);
  BOOST_TEST(error_code(db->put_timer({e.id, "u", 50}, lease)) == store_errc::fenced);
  BOOST_TEST(error_code(db->delete_timer(e.id, "t", lease)) == store_errc::fenced);
  BOOST_TEST(db->read_history(e.id, 0)->size() == 1u);
  BOOST_TEST(db->get_execution(e.id)->status == execution_status::running);
  BOOST_TEST(db->due_timers(1000, 10)->size() == 1u);
  // A single node's acquisition gives a lease that never expires.
  auto again = take(*db, 4);
  BOOST_TEST(again.epoch == lease.epoch + 1);
  AURAOS_REQUIRE_OK(db->update_execution(done, again));
}

BOOST_AUTO_TEST_SUITE_END()
