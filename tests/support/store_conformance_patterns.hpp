#pragma once
// Conformance cases of the event_pattern_store: rules (create, conflict, replace, not found,
// list with a cursor, delete with its state) and matcher states (put, replace, ignored for a
// rule that does not exist). Helpers: store_conformance_events.hpp (commit_op).

namespace auraos::test::conformance {

/// A stored rule record of `id` (the rule text is any JSON object to the store).
inline event_pattern_record a_pattern(std::string id, std::string name = "rule") {
  return {std::move(id), std::move(name), "threshold", R"({"kind":"threshold","count":3})", 0, 0};
}

/// Stores a rule (`mode`); the stored record.
inline store_result<event_pattern_record> put_pattern(store& db, event_pattern_record r,
                                                      pattern_put_mode mode) {
  auto done = commit_op(db, put_event_pattern_op{std::move(r), mode});
  if (!done) return fail(std::move(done).error());
  return std::get<event_pattern_record>(*done);
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_patterns, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_pattern_rule_is_created_read_replaced_and_refused_twice) {
  auto created = put_pattern(*db, a_pattern("p1", "first"), pattern_put_mode::create);
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(created->id == "p1");
  BOOST_TEST(created->created_at == now_ms);
  BOOST_TEST(created->updated_at == now_ms);
  BOOST_TEST(same_json(created->rule, R"({"kind":"threshold","count":3})"));
  auto again = put_pattern(*db, a_pattern("p1"), pattern_put_mode::create);
  BOOST_TEST_REQUIRE(!again.has_value());
  BOOST_TEST(again.error().code == store_errc::conflict);

  now_ms += 1000;
  auto changed = a_pattern("p1", "second");
  changed.rule = R"({"kind":"threshold","count":4})";
  auto replaced = put_pattern(*db, changed, pattern_put_mode::update);
  AURAOS_REQUIRE_OK(replaced);
  BOOST_TEST(replaced->name == "second");
  BOOST_TEST(replaced->created_at == now_ms - 1000);
  BOOST_TEST(replaced->updated_at == now_ms);
  auto read = db->get_event_pattern("p1");
  AURAOS_REQUIRE_OK(read);
  BOOST_TEST(read->name == "second");
  BOOST_TEST(same_json(read->rule, R"({"kind":"threshold","count":4})"));

  auto missing = put_pattern(*db, a_pattern("nope"), pattern_put_mode::update);
  BOOST_TEST_REQUIRE(!missing.has_value());
  BOOST_TEST(missing.error().code == store_errc::not_found);
  BOOST_TEST(db->get_event_pattern("nope").error().code == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(pattern_rules_are_listed_in_creation_order_with_a_cursor) {
  for (const auto* id : {"c", "a", "b"}) {
    AURAOS_REQUIRE_OK(put_pattern(*db, a_pattern(id), pattern_put_mode::create));
    now_ms += 10;
  }
  page_request page;
  page.limit = 2;
  auto first = db->list_event_patterns(page);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST_REQUIRE(first->items.size() == 2u);
  BOOST_TEST(first->items[0].id == "c");
  BOOST_TEST(first->items[1].id == "a");
  BOOST_TEST_REQUIRE(first->next_cursor.has_value());
  page.cursor = first->next_cursor;
  auto second = db->list_event_patterns(page);
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST_REQUIRE(second->items.size() == 1u);
  BOOST_TEST(second->items[0].id == "b");
  BOOST_TEST(!second->next_cursor.has_value());
  page.cursor = "garbage";
  BOOST_TEST(db->list_event_patterns(page).error().code == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(a_pattern_state_is_stored_replaced_and_deleted_with_its_rule) {
  AURAOS_REQUIRE_OK(put_pattern(*db, a_pattern("p1"), pattern_put_mode::create));
  AURAOS_REQUIRE_OK(put_pattern(*db, a_pattern("p2"), pattern_put_mode::create));
  AURAOS_REQUIRE_OK(commit_op(*db, put_pattern_state_op{"p1", R"({"seq":1})"}));
  now_ms += 5;
  AURAOS_REQUIRE_OK(commit_op(*db, put_pattern_state_op{"p1", R"({"seq":2})"}));
  AURAOS_REQUIRE_OK(commit_op(*db, put_pattern_state_op{"p2", R"({"seq":3})"}));
  // A state of a rule that does not exist (deleted meanwhile) is not stored.
  AURAOS_REQUIRE_OK(commit_op(*db, put_pattern_state_op{"gone", R"({"seq":4})"}));
  auto states = db->event_pattern_states();
  AURAOS_REQUIRE_OK(states);
  BOOST_TEST_REQUIRE(states->size() == 2u);
  BOOST_TEST((*states)[0].pattern_id == "p1");
  BOOST_TEST(same_json((*states)[0].state, R"({"seq":2})"));
  BOOST_TEST((*states)[0].updated_at == now_ms);

  AURAOS_REQUIRE_OK(commit_op(*db, delete_event_pattern_op{"p1"}));
  BOOST_TEST(db->get_event_pattern("p1").error().code == store_errc::not_found);
  states = db->event_pattern_states();
  AURAOS_REQUIRE_OK(states);
  BOOST_TEST_REQUIRE(states->size() == 1u);
  BOOST_TEST((*states)[0].pattern_id == "p2");
  auto again = commit_op(*db, delete_event_pattern_op{"p1"});
  BOOST_TEST_REQUIRE(!again.has_value());
  BOOST_TEST(again.error().code == store_errc::not_found);
}

BOOST_AUTO_TEST_SUITE_END()
