#pragma once
// Conformance cases: history appends, snapshots, timers, fencing and group commit.

BOOST_FIXTURE_TEST_SUITE(store_conformance_history, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(appended_history_reads_back_in_seq_order_with_payload_bytes) {
  add_workflow("wf");
  auto e = add_execution("wf");
  AURAOS_REQUIRE_OK(db->append(appending(e.id, 1, 2)));
  AURAOS_REQUIRE_OK(db->append(appending(e.id, 3, 1)));
  auto all = db->read_history(e.id, 0);
  AURAOS_REQUIRE_OK(all);
  BOOST_REQUIRE_EQUAL(all->size(), 3u);
  for (std::size_t i = 0; i < all->size(); ++i) {
    BOOST_TEST((*all)[i].seq == static_cast<std::int64_t>(i + 1));
    BOOST_TEST((*all)[i].execution_id == e.id);
    BOOST_TEST((*all)[i].payload == std::string("p\0\xff", 3));
  }
  BOOST_TEST((*all)[1].attempt == 1);
  BOOST_TEST((*all)[1].node_id == "node-a");
  auto later = db->read_history(e.id, 2);
  AURAOS_REQUIRE_OK(later);
  BOOST_REQUIRE_EQUAL(later->size(), 1u);
  BOOST_TEST(later->front().seq == 3);
}

BOOST_AUTO_TEST_CASE(history_reads_a_page_of_at_most_limit_records_after_a_seq) {
  add_workflow("wf");
  auto e = add_execution("wf");
  AURAOS_REQUIRE_OK(db->append(appending(e.id, 1, 5)));
  auto first = db->read_history(e.id, 0, 2);
  AURAOS_REQUIRE_OK(first);
  BOOST_REQUIRE_EQUAL(first->size(), 2u);
  BOOST_TEST(first->back().seq == 2);
  auto middle = db->read_history(e.id, 2, 2);
  AURAOS_REQUIRE_OK(middle);
  BOOST_REQUIRE_EQUAL(middle->size(), 2u);
  BOOST_TEST(middle->front().seq == 3);
  BOOST_TEST(db->read_history(e.id, 4, 2)->size() == 1u);
  BOOST_TEST(db->read_history(e.id, 5, 2)->empty());
  BOOST_TEST(db->read_history(e.id, 0, 0)->size() == 5u);
}

BOOST_AUTO_TEST_CASE(append_at_an_already_used_seq_is_a_conflict) {
  add_workflow("wf");
  auto e = add_execution("wf");
  AURAOS_REQUIRE_OK(db->append(appending(e.id, 1, 2)));
  BOOST_TEST(error_code(db->append(appending(e.id, 2))) == store_errc::conflict);
  BOOST_TEST(error_code(db->append(appending(e.id, 5))) == store_errc::conflict);
  BOOST_TEST(error_code(db->append(appending(e.id, 3, 0))) == store_errc::invalid);
  BOOST_TEST(error_code(db->append(appending("missing", 1))) == store_errc::not_found);
  BOOST_TEST(db->read_history(e.id, 0)->size() == 2u);
}

BOOST_AUTO_TEST_CASE(latest_snapshot_is_the_one_with_the_highest_seq) {
  add_workflow("wf");
  auto e = add_execution("wf");
  BOOST_TEST(!db->latest_snapshot(e.id).value().has_value());
  AURAOS_REQUIRE_OK(db->put_snapshot({e.id, 5, "five"}));
  AURAOS_REQUIRE_OK(db->put_snapshot({e.id, 9, "nine"}));
  AURAOS_REQUIRE_OK(db->put_snapshot({e.id, 7, "seven"}));
  auto latest = db->latest_snapshot(e.id);
  AURAOS_REQUIRE_OK(latest);
  BOOST_REQUIRE(latest->has_value());
  BOOST_TEST((*latest)->seq == 9);
  BOOST_TEST((*latest)->payload == "nine");
}

BOOST_AUTO_TEST_CASE(due_timers_come_earliest_first_up_to_the_limit) {
  add_workflow("wf");
  auto e = add_execution("wf");
  BOOST_TEST(!db->next_timer_deadline().value().has_value());
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "late", 300}));
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "early", 100}));
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "mid", 500}));
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "mid", 200}));  // moved
  AURAOS_REQUIRE_OK(db->put_timer({e.id, "future", 10'000}));
  BOOST_TEST(db->next_timer_deadline().value().value_or(0) == 100);
  auto due = db->due_timers(300, 10);
  AURAOS_REQUIRE_OK(due);
  std::vector<std::string> names;
  for (const auto& t : *due) names.push_back(t.timer_id);
  BOOST_TEST(names == (std::vector<std::string>{"early", "mid", "late"}));
  BOOST_TEST(db->due_timers(300, 2)->size() == 2u);
  AURAOS_REQUIRE_OK(db->delete_timer(e.id, "early"));
  AURAOS_REQUIRE_OK(db->delete_timer(e.id, "never-existed"));
  BOOST_TEST(db->next_timer_deadline().value().value_or(0) == 200);
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
