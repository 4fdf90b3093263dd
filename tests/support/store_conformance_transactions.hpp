#pragma once
// Conformance cases of the batch_store: group commit of many requests across concerns.

BOOST_FIXTURE_TEST_SUITE(store_conformance_transactions, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(one_rejected_request_does_not_fail_the_rest_of_the_batch) {
  add_workflow("wf");
  auto good = add_execution("wf");
  auto fenced_out = add_execution("wf");
  auto stale = add_execution("wf");
  auto old_epoch = db->acquire_shard(1, "node-a")->epoch;
  db->acquire_shard(1, "node-b");
  auto current = db->get_shard_lease(1)->epoch;
  write_batch batch;
  batch.requests.push_back(
      {{appending(good.id, 1, 2, fence{1, current}),
        update_execution_op{{good.id, execution_status::running, {}, {}, {}, {}}}}});
  batch.requests.push_back(
      {{update_execution_op{{fenced_out.id, execution_status::running, {}, {}, {}, {}}},
        appending(fenced_out.id, 1, 1, fence{1, old_epoch})}});
  batch.requests.push_back({{appending(stale.id, 4)}});
  batch.requests.push_back({{put_timer_op{{good.id, "t", 5}}}});
  auto outcomes = db->commit(batch);
  AURAOS_REQUIRE_OK(outcomes);
  BOOST_REQUIRE_EQUAL(outcomes->size(), 4u);
  BOOST_TEST((*outcomes)[0].has_value());
  BOOST_TEST(error_code((*outcomes)[1]) == store_errc::fenced);
  BOOST_TEST(error_code((*outcomes)[2]) == store_errc::conflict);
  BOOST_TEST((*outcomes)[3].has_value());
  BOOST_TEST(db->read_history(good.id, 0)->size() == 2u);
  BOOST_TEST(db->get_execution(good.id)->status == execution_status::running);
  BOOST_TEST(db->read_history(fenced_out.id, 0)->empty());
  BOOST_TEST(db->get_execution(fenced_out.id)->status == execution_status::pending);
  BOOST_TEST(db->due_timers(5, 10)->size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
