#pragma once
// Conformance cases of the lease_store: acquisitions bump the epoch, and every write an
// execution makes (append, update, snapshot, put and delete timer) is fenced by it.

BOOST_FIXTURE_TEST_SUITE(store_conformance_leases, auraos::test::store_fixture)

using namespace auraos::test::conformance;

namespace {

/// Shard 4 held by node-a, then taken by node-b: the stale (node-a's) and current epochs.
std::pair<fence, fence> moved_shard(store& db) {
  auto mine = db.acquire_shard(4, "node-a");
  AURAOS_REQUIRE_OK(mine);
  auto theirs = db.acquire_shard(4, "node-b");
  AURAOS_REQUIRE_OK(theirs);
  return {fence{4, mine->epoch}, fence{4, theirs->epoch}};
}

}  // namespace

BOOST_AUTO_TEST_CASE(acquiring_a_shard_bumps_its_epoch_and_names_the_owner) {
  BOOST_TEST(error_code(db->get_shard_lease(4)) == store_errc::not_found);
  auto first = db->acquire_shard(4, "node-a");
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(first->epoch == 1);
  auto again = db->acquire_shard(4, "node-a");
  AURAOS_REQUIRE_OK(again);
  BOOST_TEST(again->epoch == 2);
  auto read = db->get_shard_lease(4);
  AURAOS_REQUIRE_OK(read);
  BOOST_TEST(read->owner == "node-a");
  BOOST_TEST(read->epoch == 2);
  BOOST_TEST(error_code(db->acquire_shard(5, "")) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(append_with_an_old_epoch_is_fenced_after_the_shard_moves) {
  add_workflow("wf");
  auto e = add_execution("wf");
  auto mine = db->acquire_shard(4, "node-a");
  AURAOS_REQUIRE_OK(mine);
  AURAOS_REQUIRE_OK(db->append(appending(e.id, 1, 1, fence{4, mine->epoch})));
  auto theirs = db->acquire_shard(4, "node-b");
  AURAOS_REQUIRE_OK(theirs);
  BOOST_TEST(theirs->epoch == mine->epoch + 1);
  BOOST_TEST(theirs->owner == "node-b");
  BOOST_TEST(error_code(db->append(appending(e.id, 2, 1, fence{4, mine->epoch}))) ==
             store_errc::fenced);
  BOOST_TEST(error_code(db->append(appending(e.id, 2, 1, fence{9, 1}))) == store_errc::fenced);
  AURAOS_REQUIRE_OK(db->append(appending(e.id, 2, 1, fence{4, theirs->epoch})));
  BOOST_TEST(db->read_history(e.id, 0)->size() == 2u);
}

BOOST_AUTO_TEST_CASE(update_execution_with_a_stale_epoch_is_fenced) {
  add_workflow("wf");
  auto e = add_execution("wf");
  auto [stale, current] = moved_shard(*db);
  execution_update running{e.id, execution_status::running, {}, {}, {}, {}};
  BOOST_TEST(error_code(db->update_execution(running, stale)) == store_errc::fenced);
  BOOST_TEST(db->get_execution(e.id)->status == execution_status::pending);
  AURAOS_REQUIRE_OK(db->update_execution(running, current));
  BOOST_TEST(db->get_execution(e.id)->status == execution_status::running);
}

BOOST_AUTO_TEST_CASE(put_snapshot_with_a_stale_epoch_is_fenced) {
  add_workflow("wf");
  auto e = add_execution("wf");
  auto [stale, current] = moved_shard(*db);
  BOOST_TEST(error_code(db->put_snapshot({e.id, 3, "old"}, stale)) == store_errc::fenced);
  BOOST_TEST(!db->latest_snapshot(e.id).value().has_value());
  AURAOS_REQUIRE_OK(db->put_snapshot({e.id, 3, "new"}, current));
  BOOST_TEST(db->latest_snapshot(e.id).value().value().payload == "new");
}

BOOST_AUTO_TEST_CASE(put_timer_with_a_stale_epoch_is_fenced) {
  add_workflow("wf");
  auto e = add_execution("wf");
  auto [stale, current] = moved_shard(*db);
  BOOST_TEST(error_code(db->put_timer({e.id, "t", 100}, stale)) == store_errc::fenced);
  BOOST_TEST(!db->next_timer_deadline().value().has_value());
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "t", 100}, current));
  BOOST_TEST(db->next_timer_deadline().value().value_or(0) == 100);
}

BOOST_AUTO_TEST_CASE(delete_timer_with_a_stale_epoch_is_fenced) {
  add_workflow("wf");
  auto e = add_execution("wf");
  auto [stale, current] = moved_shard(*db);
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "t", 100}));
  BOOST_TEST(error_code(db->delete_timer(e.id, "t", stale)) == store_errc::fenced);
  BOOST_TEST(db->next_timer_deadline().value().value_or(0) == 100);
  AURAOS_REQUIRE_OK(db->delete_timer(e.id, "t", current));
  BOOST_TEST(!db->next_timer_deadline().value().has_value());
}

BOOST_AUTO_TEST_CASE(a_fenced_operation_rolls_back_its_whole_request) {
  add_workflow("wf");
  auto e = add_execution("wf");
  auto [stale, current] = moved_shard(*db);
  // The fence is checked once per request and again after an acquisition within it.
  write_batch batch;
  batch.requests.push_back(
      {{appending(e.id, 1, 1, current), put_timer_op{{e.id, "t", 100}, current},
        acquire_shard_op{4, "node-c"}, put_snapshot_op{{e.id, 1, "s"}, current}}});
  batch.requests.push_back({{appending(e.id, 1, 2, stale)}});
  auto outcomes = db->commit(batch);
  AURAOS_REQUIRE_OK(outcomes);
  BOOST_REQUIRE_EQUAL(outcomes->size(), 2u);
  BOOST_TEST(error_code((*outcomes)[0]) == store_errc::fenced);
  BOOST_TEST(error_code((*outcomes)[1]) == store_errc::fenced);
  BOOST_TEST(db->read_history(e.id, 0)->empty());
  BOOST_TEST(!db->next_timer_deadline().value().has_value());
  BOOST_TEST(db->get_shard_lease(4)->epoch == current.epoch);
}

BOOST_AUTO_TEST_SUITE_END()
