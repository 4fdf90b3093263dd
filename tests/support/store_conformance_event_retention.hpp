#pragma once
// Conformance cases of event retention: the rules (put, replace, list, delete), the stored
// types, the seq below which a type holds more than a count, deletes below a seq, and the
// event counts per bucket, type and source of the metrics.

BOOST_FIXTURE_TEST_SUITE(store_conformance_event_retention, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(retention_rules_are_put_replaced_listed_and_deleted) {
  AURAOS_REQUIRE_OK(db->event_retention_rules());
  BOOST_TEST(db->event_retention_rules()->empty());
  AURAOS_REQUIRE_OK(commit_op(*db, put_event_retention_op{{"order.paid", 3600, std::nullopt}}));
  AURAOS_REQUIRE_OK(commit_op(*db, put_event_retention_op{{"*", std::nullopt, 100}}));
  AURAOS_REQUIRE_OK(commit_op(*db, put_event_retention_op{{"order.paid", 60, 5}}));
  auto rules = db->event_retention_rules();
  AURAOS_REQUIRE_OK(rules);
  BOOST_REQUIRE(rules->size() == 2u);
  BOOST_TEST((*rules)[0].type == "*");
  BOOST_TEST(!(*rules)[0].max_age_seconds.has_value());
  BOOST_TEST((*rules)[0].max_count.value_or(-1) == 100);
  BOOST_TEST((*rules)[1].type == "order.paid");
  BOOST_TEST((*rules)[1].max_age_seconds.value_or(-1) == 60);
  BOOST_TEST((*rules)[1].max_count.value_or(-1) == 5);
  BOOST_TEST((*rules)[1].updated_at > 0);
  AURAOS_REQUIRE_OK(commit_op(*db, delete_event_retention_op{"order.paid"}));
  BOOST_TEST(error_code(commit_op(*db, delete_event_retention_op{"order.paid"})) ==
             store_errc::not_found);
  BOOST_TEST(db->event_retention_rules()->size() == 1u);
  BOOST_TEST(error_code(commit_op(*db, put_event_retention_op{{"", 1, 1}})) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(the_count_cutoff_is_the_seq_of_the_keep_th_newest_event_of_the_type) {
  AURAOS_REQUIRE_OK(db->publish_events({an_event("a1", "a"), an_event("b1", "b"), an_event("a2", "a"),
                                        an_event("a3", "a"), an_event("b2", "b"),
                                        an_event("a4", "a")}));
  auto types = db->event_types();
  AURAOS_REQUIRE_OK(types);
  BOOST_TEST(*types == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  // a: seqs 1, 3, 4, 6; the 2nd newest is 4, so 1 and 3 are beyond the newest two.
  BOOST_TEST(*db->event_count_cutoff("a", 2) == 4);
  BOOST_TEST(*db->event_count_cutoff("a", 4) == 1);
  BOOST_TEST(*db->event_count_cutoff("a", 5) == 0);
  BOOST_TEST(*db->event_count_cutoff("none", 1) == 0);
  BOOST_TEST(error_code(db->event_count_cutoff("a", 0)) == store_errc::invalid);
  auto done = commit_op(*db, delete_events_op{no_age_bound_ms, "a", 1000, 4});
  AURAOS_REQUIRE_OK(done);
  BOOST_TEST(std::get<deleted_events>(*done).count == 2);
  BOOST_TEST(std::get<deleted_events>(*done).max_deleted_seq == 3);
  BOOST_TEST(error_code(db->get_event("a2")) == store_errc::not_found);
  AURAOS_REQUIRE_OK(db->get_event("a3"));
  AURAOS_REQUIRE_OK(db->get_event("b1"));
  BOOST_TEST(*db->event_count_cutoff("a", 2) == 4);
}

BOOST_AUTO_TEST_CASE(event_counts_are_grouped_by_bucket_type_and_source_on_the_timestamp) {
  AURAOS_REQUIRE_OK(db->publish_events(
      {an_event("e1", "a", 999), an_event("e2", "a", 1000), an_event("e3", "a", 1500),
       an_event("e4", "b", 1999, std::nullopt, "web"), an_event("e5", "a", 2000),
       an_event("e6", "a", 3000)}));
  auto counts = db->event_counts(1000, 3000, 500, 100);
  AURAOS_REQUIRE_OK(counts);
  BOOST_REQUIRE(counts->size() == 4u);
  auto row = [&](std::size_t i) {
    const auto& c = (*counts)[i];
    return std::to_string(c.bucket) + " " + c.type + " " + c.source + " " + std::to_string(c.count);
  };
  BOOST_TEST(row(0) == "0 a shop 1");
  BOOST_TEST(row(1) == "1 a shop 1");
  BOOST_TEST(row(2) == "1 b web 1");
  BOOST_TEST(row(3) == "2 a shop 1");
  BOOST_TEST(db->event_counts(1000, 3000, 500, 2)->size() == 2u);
  BOOST_TEST(db->event_counts(5000, 6000, 500, 100)->empty());
}

BOOST_AUTO_TEST_SUITE_END()
