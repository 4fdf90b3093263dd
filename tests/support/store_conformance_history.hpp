#pragma once
// Conformance cases of the execution_store: history appends and snapshots.

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

BOOST_AUTO_TEST_SUITE_END()
