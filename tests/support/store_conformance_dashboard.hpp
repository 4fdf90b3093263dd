#pragma once
// Conformance cases of what the dashboard reads: executions by creation time, the activity of a
// time window (metrics), and workflows by a part of their name.

#include <tuple>

BOOST_FIXTURE_TEST_SUITE(store_conformance_dashboard, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(list_executions_bounds_creation_time_with_every_other_filter) {
  add_workflow("a");
  add_workflow("b");
  auto t = now_ms;
  std::vector<std::string> made;
  for (int i = 0; i < 4; ++i, now_ms += 1000)
    made.push_back(add_execution(i % 2 == 0 ? "a" : "b").id);
  auto list = [&](std::optional<std::string> workflow, std::optional<execution_status> status,
                  std::optional<std::int64_t> from, std::optional<std::int64_t> before) {
    execution_filter filter{std::move(workflow), status, from, before};
    auto page = db->list_executions(filter, {10, std::nullopt});
    BOOST_REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().message));
    return ids(page->items);
  };
  using ids_t = std::vector<std::string>;
  BOOST_TEST(list({}, {}, t + 1000, {}) == (ids_t{made[1], made[2], made[3]}));
  BOOST_TEST(list({}, {}, {}, t + 2000) == (ids_t{made[0], made[1]}));
  BOOST_TEST(list({}, {}, t + 1000, t + 3000) == (ids_t{made[1], made[2]}));
  BOOST_TEST(list("a", {}, t + 1000, {}) == ids_t{made[2]});
  BOOST_TEST(list({}, execution_status::pending, {}, t + 1) == ids_t{made[0]});
  BOOST_TEST(list("b", execution_status::pending, t, t + 4000) == (ids_t{made[1], made[3]}));
  BOOST_TEST(list("b", execution_status::failed, {}, {}).empty());
  auto page1 =
      db->list_executions({std::nullopt, std::nullopt, t + 1000, std::nullopt}, {1, std::nullopt});
  AURAOS_REQUIRE_OK(page1);
  auto page2 = db->list_executions({std::nullopt, std::nullopt, t + 1000, std::nullopt},
                                   {5, page1->next_cursor});
  AURAOS_REQUIRE_OK(page2);
  BOOST_TEST(ids(page2->items) == (ids_t{made[2], made[3]}));
}

/// Every page of a list, one cursor after another, as one list of ids.
inline std::vector<std::string> all_pages(store& db, const execution_filter& filter, int limit) {
  std::vector<std::string> out;
  std::optional<std::string> cursor;
  do {
    auto page = db.list_executions(filter, {limit, cursor});
    BOOST_REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().message));
    for (const auto& id : ids(page->items)) out.push_back(id);
    cursor = page->next_cursor;
  } while (cursor);
  return out;
}

BOOST_AUTO_TEST_CASE(list_executions_newest_first_pages_back_through_every_filter) {
  add_workflow("a");
  add_workflow("b");
  auto t = now_ms;
  std::vector<execution_record> made;
  for (int i = 0; i < 6; ++i) {
    now_ms = t + 1000 * (i / 2);  // pairs share a creation time: their order is by id
    made.push_back(add_execution(i % 3 == 0 ? "a" : "b",
                                 i % 2 ? execution_status::failed : execution_status::pending));
  }
  std::sort(made.begin(), made.end(), [](const auto& x, const auto& y) {
    return std::tie(x.created_at, x.id) > std::tie(y.created_at, y.id);
  });
  auto newest = [&](const execution_filter& filter) {
    std::vector<std::string> out;
    for (const auto& e : made)
      if (filter.workflow_id.value_or(e.workflow_id) == e.workflow_id &&
          (!filter.status || *filter.status == e.status) &&
          e.created_at >= filter.created_from.value_or(e.created_at) &&
          (!filter.created_before || e.created_at < *filter.created_before))
        out.push_back(e.id);
    return out;
  };
  auto failed = execution_status::failed;
  for (execution_filter filter : std::vector<execution_filter>{{},
                                                               {"b", {}},
                                                               {{}, failed},
                                                               {"b", failed},
                                                               {{}, {}, t + 1000, t + 3000},
                                                               {"b", {}, t + 1000, {}},
                                                               {{}, failed, {}, t + 2000},
                                                               {"a", failed, t, t + 5000}}) {
    filter.order = list_order::newest_first;
    BOOST_TEST_CONTEXT("workflow " << filter.workflow_id.value_or("-") << ", status "
                                   << (filter.status ? to_string(*filter.status) : "-")) {
      BOOST_TEST(all_pages(*db, filter, 1) == newest(filter));
      BOOST_TEST(all_pages(*db, filter, 2) == newest(filter));
      BOOST_TEST(all_pages(*db, filter, 10) == newest(filter));
    }
  }
}

BOOST_AUTO_TEST_CASE(list_executions_cursor_works_only_in_the_order_that_made_it) {
  add_workflow("a");
  for (int i = 0; i < 3; ++i, ++now_ms) add_execution("a");
  execution_filter oldest;
  execution_filter newest;
  newest.order = list_order::newest_first;
  auto oldest_page = db->list_executions(oldest, {1, std::nullopt});
  auto newest_page = db->list_executions(newest, {1, std::nullopt});
  AURAOS_REQUIRE_OK(oldest_page);
  AURAOS_REQUIRE_OK(newest_page);
  BOOST_REQUIRE(oldest_page->next_cursor && newest_page->next_cursor);
  BOOST_TEST(error_code(db->list_executions(newest, {1, oldest_page->next_cursor})) ==
             store_errc::invalid);
  BOOST_TEST(error_code(db->list_executions(oldest, {1, newest_page->next_cursor})) ==
             store_errc::invalid);
  BOOST_TEST(error_code(db->list_workflows({}, {1, newest_page->next_cursor})) ==
             store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(activity_of_a_window_has_its_starts_and_its_ends) {
  add_workflow("wf");
  auto t = now_ms;
  auto pending = add_execution("wf");  // created at t, never started
  auto ran = add_execution("wf");
  AURAOS_REQUIRE_OK(db->update_execution({ran.id, execution_status::running, {}, {}, t + 10, {}}));
  AURAOS_REQUIRE_OK(db->update_execution(
      {ran.id, execution_status::failed, {}, R"({"message":"x"})", {}, t + 70}));
  auto late = add_execution("wf");
  AURAOS_REQUIRE_OK(
      db->update_execution({late.id, execution_status::running, {}, {}, t + 500, {}}));
  auto activity = db->execution_activity_between(t, t + 100);
  AURAOS_REQUIRE_OK(activity);
  auto started = activity->started;
  std::sort(started.begin(), started.end());
  BOOST_TEST(started == (std::vector<std::int64_t>{t, t + 10}));
  BOOST_REQUIRE(activity->ended.size() == 1u);
  BOOST_TEST(activity->ended[0].completed_at == t + 70);
  BOOST_TEST(activity->ended[0].status == execution_status::failed);
  BOOST_TEST(activity->ended[0].execution_time_ms.value_or(-1) == 60);
  auto empty = db->execution_activity_between(t + 1000, t + 2000);
  AURAOS_REQUIRE_OK(empty);
  BOOST_TEST(empty->started.empty());
  BOOST_TEST(empty->ended.empty());
  (void)pending;
}

BOOST_AUTO_TEST_CASE(list_workflows_finds_a_part_of_the_name_ignoring_case) {
  add_workflow("a", "Billing Export");
  add_workflow("b", "nightly billing");
  add_workflow("c", "Reports 100%");
  auto search = [&](std::string text) {
    workflow_filter filter;
    filter.name_contains = std::move(text);
    auto page = db->list_workflows(filter, {});
    BOOST_REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().message));
    return ids(page->items);
  };
  BOOST_TEST(search("BILLING") == (std::vector<std::string>{"a", "b"}));
  BOOST_TEST(search("export") == std::vector<std::string>{"a"});
  BOOST_TEST(search("%") == std::vector<std::string>{"c"});
  BOOST_TEST(search("_").empty());
  BOOST_TEST(search("zzz").empty());
}

BOOST_AUTO_TEST_SUITE_END()
