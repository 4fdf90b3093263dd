#pragma once
// Conformance cases of the timer_store: deadlines, due timers, moves and deletes.

BOOST_FIXTURE_TEST_SUITE(store_conformance_timers, auraos::test::store_fixture)

using namespace auraos::test::conformance;

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

BOOST_AUTO_TEST_SUITE_END()
