#pragma once
// Conformance cases of the event_store's lists: every filter and their combinations, paging by
// cursor, correlations in time order. Helpers: store_conformance_events.hpp.

namespace auraos::test::conformance {

/// Five stored events (e1..e5), the filters' test bed:
///   e1 a s1 t=1000 c1 stored 100 | e2 b s2 t=2000 c1 stored 200 | e3 c s1 t=3000 c2 stored 300
///   e4 a s2 t=4000 -  stored 400 | e5 b s1 t=5000 c2 stored 500
inline std::vector<event_record> publish_five(store& db) {
  std::vector<event_record> events{
      an_event("e1", "a", 1000, "c1", "s1"), an_event("e2", "b", 2000, "c1", "s2"),
      an_event("e3", "c", 3000, "c2", "s1"), an_event("e4", "a", 4000, {}, "s2"),
      an_event("e5", "b", 5000, "c2", "s1")};
  for (std::size_t i = 0; i < events.size(); ++i)
    events[i].stored_at = 100 * static_cast<std::int64_t>(i + 1);
  auto published = db.publish_events(events);
  BOOST_REQUIRE_MESSAGE(published.has_value(), (published ? "" : published.error().message));
  return published->events;
}

/// The ids of every event `filter` lists (one page of up to 100).
inline std::vector<std::string> listed(store& db, const event_filter& filter) {
  auto page = db.list_events(filter, {100, std::nullopt});
  BOOST_REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().message));
  BOOST_TEST(!page->next_cursor.has_value());
  return ids(page->items);
}

/// The ids of every page of `filter` at `limit` per page, following the cursors.
inline std::vector<std::vector<std::string>> pages(store& db, const event_filter& filter,
                                                   std::int64_t limit) {
  std::vector<std::vector<std::string>> out;
  page_request request{limit, std::nullopt};
  do {
    auto page = db.list_events(filter, request);
    BOOST_REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().message));
    out.push_back(ids(page->items));
    request.cursor = page->next_cursor;
  } while (request.cursor && out.size() < 20);
  return out;
}

/// A list of ids, written short.
using id_list = std::vector<std::string>;

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_event_lists, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(each_filter_of_an_event_list_selects_its_events_in_storing_order) {
  auto stored = publish_five(*db);
  event_filter f;
  BOOST_TEST(listed(*db, f) == (id_list{"e1", "e2", "e3", "e4", "e5"}));
  f = {};
  f.types = {"a"};
  BOOST_TEST(listed(*db, f) == (id_list{"e1", "e4"}));
  f.types = {"b", "a"};  // any of them, still in storing order
  BOOST_TEST(listed(*db, f) == (id_list{"e1", "e2", "e4", "e5"}));
  f.types = {"a", "a"};
  BOOST_TEST(listed(*db, f) == (id_list{"e1", "e4"}));
  f = {};
  f.source = "s1";
  BOOST_TEST(listed(*db, f) == (id_list{"e1", "e3", "e5"}));
  f = {};
  f.from_ms = 2000;
  f.to_ms = 4000;  // exclusive
  BOOST_TEST(listed(*db, f) == (id_list{"e2", "e3"}));
  f = {};
  f.correlation_id = "c1";
  BOOST_TEST(listed(*db, f) == (id_list{"e1", "e2"}));
  f = {};
  f.after_seq = stored[2].seq;
  BOOST_TEST(listed(*db, f) == (id_list{"e4", "e5"}));
  f = {};
  f.stored_from_ms = 300;
  BOOST_TEST(listed(*db, f) == (id_list{"e3", "e4", "e5"}));
  f = {};
  f.types = {"nope"};
  BOOST_TEST(listed(*db, f).empty());
}

BOOST_AUTO_TEST_CASE(event_list_filters_combine_with_and) {
  auto stored = publish_five(*db);
  event_filter f;
  f.types = {"a", "b"};
  f.source = "s1";
  BOOST_TEST(listed(*db, f) == (id_list{"e1", "e5"}));
  f = {};
  f.correlation_id = "c2";
  f.types = {"b"};
  BOOST_TEST(listed(*db, f) == id_list{"e5"});
  f = {};
  f.types = {"b", "c"};
  f.from_ms = 3000;
  BOOST_TEST(listed(*db, f) == (id_list{"e3", "e5"}));
  f = {};
  f.source = "s2";
  f.after_seq = stored[1].seq;
  BOOST_TEST(listed(*db, f) == id_list{"e4"});
  f = {};
  f.correlation_id = "c1";
  f.source = "s2";
  BOOST_TEST(listed(*db, f) == id_list{"e2"});
  f = {};
  f.types = {"a", "c"};
  f.to_ms = 4000;
  f.stored_from_ms = 200;
  BOOST_TEST(listed(*db, f) == id_list{"e3"});
  f = {};
  f.correlation_id = "c2";
  f.types = {"b", "c"};
  f.source = "s1";
  f.from_ms = 1000;
  f.to_ms = 6000;
  f.after_seq = stored[2].seq;
  f.stored_from_ms = 100;
  BOOST_TEST(listed(*db, f) == id_list{"e5"});
}

BOOST_AUTO_TEST_CASE(event_pages_follow_their_cursors_without_gap_or_repeat) {
  std::vector<event_record> events;
  for (int i = 1; i <= 7; ++i)
    events.push_back(an_event("e" + std::to_string(i), i % 2 == 0 ? "even" : "odd", i));
  events.push_back(an_event("x", "other"));
  auto stored = db->publish_events(events);
  AURAOS_REQUIRE_OK(stored);
  event_filter some;
  some.types = {"odd", "even"};
  BOOST_TEST((pages(*db, some, 3) ==
              std::vector<id_list>{{"e1", "e2", "e3"}, {"e4", "e5", "e6"}, {"e7"}}));
  event_filter odd;
  odd.types = {"odd"};
  BOOST_TEST((pages(*db, odd, 2) == std::vector<id_list>{{"e1", "e3"}, {"e5", "e7"}}));
  BOOST_TEST((pages(*db, {}, 4) ==
              std::vector<id_list>{{"e1", "e2", "e3", "e4"}, {"e5", "e6", "e7", "x"}}));
  auto first = db->list_events(some, {3, std::nullopt});
  AURAOS_REQUIRE_OK(first);
  event_filter later = some;
  later.after_seq = stored->events[3].seq;  // the later of cursor (e3) and after_seq wins
  auto next = db->list_events(later, {3, first->next_cursor});
  AURAOS_REQUIRE_OK(next);
  BOOST_TEST(ids(next->items) == (id_list{"e5", "e6", "e7"}));
}

BOOST_AUTO_TEST_CASE(a_malformed_event_cursor_or_limit_is_invalid) {
  publish_five(*db);
  for (std::string cursor : {"x", "12:abc", "-3", "", "1e5"}) {
    auto page = db->list_events({}, {10, cursor});
    BOOST_TEST(error_code(page) == store_errc::invalid, "cursor '" << cursor << "'");
    if (!page) BOOST_TEST(page.error().message.find("events") != std::string::npos);
  }
  BOOST_TEST(error_code(db->list_events({}, {0, std::nullopt})) == store_errc::invalid);
  BOOST_TEST(error_code(db->list_events({}, {1001, std::nullopt})) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(correlated_events_come_in_time_order_then_seq_order) {
  AURAOS_REQUIRE_OK(
      db->publish_events({an_event("late", "t", 3000, "c"), an_event("early", "t", 1000, "c"),
                          an_event("elsewhere", "t", 500, "d"), an_event("middle", "t", 2000, "c"),
                          an_event("early-too", "t", 1000, "c")}));
  auto all = db->correlated_events("c", 100);
  AURAOS_REQUIRE_OK(all);
  BOOST_TEST(ids(*all) == (id_list{"early", "early-too", "middle", "late"}));
  auto two = db->correlated_events("c", 2);
  AURAOS_REQUIRE_OK(two);
  BOOST_TEST(ids(*two) == (id_list{"early", "early-too"}));
  BOOST_TEST(db->correlated_events("none", 10)->empty());
}

BOOST_AUTO_TEST_CASE(a_new_database_has_the_event_log_columns_and_indexes) {
  for (const char* column : {"seq", "stored_at"})
    BOOST_TEST(factory->has_column("events", column), "events." << column);
  BOOST_TEST(factory->has_column("event_cursors", "name"));
  BOOST_TEST(factory->has_column("event_cursors", "seq"));
  BOOST_TEST(factory->has_index("idx_events_seq"));
}

BOOST_AUTO_TEST_SUITE_END()
