#pragma once
// Conformance cases of the workflow_store: workflows, revisions, create-only, list filters,
// pagination, reopening, schema version.

BOOST_FIXTURE_TEST_SUITE(store_conformance_workflows, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(ping_answers_when_the_database_does) {
  AURAOS_REQUIRE_OK(db->ping());
}

BOOST_AUTO_TEST_CASE(put_workflow_twice_keeps_both_revisions) {
  auto first = add_workflow("wf", "first");
  now_ms += 5;
  auto second = db->put_workflow({"wf", "second", "d", "2.0", R"({"v":2})", {"x"}});
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(first.revision == 1);
  BOOST_TEST(second->revision == 2);
  BOOST_TEST(second->created_at == first.created_at);
  BOOST_TEST(second->updated_at == first.updated_at + 5);
  auto latest = db->get_workflow("wf");
  AURAOS_REQUIRE_OK(latest);
  BOOST_TEST(latest->name == "second");
  BOOST_TEST(latest->definition == R"({"v":2})");
  BOOST_TEST(latest->tags == std::vector<std::string>{"x"});
  auto old = db->get_workflow("wf", 1);
  AURAOS_REQUIRE_OK(old);
  BOOST_TEST(old->name == "first");
  BOOST_TEST(old->definition == R"({"nodes":[]})");
}

BOOST_AUTO_TEST_CASE(create_workflow_of_a_live_id_is_a_conflict_decided_in_the_write) {
  auto made = db->create_workflow({"wf", "first", "", "1.0", R"({"v":1})", {}});
  AURAOS_REQUIRE_OK(made);
  BOOST_TEST(made->revision == 1);
  BOOST_TEST(made->status == workflow_status::draft);
  BOOST_TEST(error_code(db->create_workflow({"wf", "again", "", "1.0", R"({"v":2})", {}})) ==
             store_errc::conflict);
  auto kept = db->get_workflow("wf");
  AURAOS_REQUIRE_OK(kept);
  BOOST_TEST(kept->name == "first");
  BOOST_TEST(kept->revision == 1);
  BOOST_TEST(error_code(db->get_workflow("wf", 2)) == store_errc::not_found);
  BOOST_TEST(error_code(db->create_workflow({"", "n", "", "", "{}", {}})) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(create_workflow_revives_a_deleted_id_and_one_batch_creates_it_once) {
  add_workflow("old");
  AURAOS_REQUIRE_OK(db->delete_workflow("old"));
  auto revived = db->create_workflow({"old", "back", "", "1.0", "{}", {}});
  AURAOS_REQUIRE_OK(revived);
  BOOST_TEST(revived->revision == 2);
  // Two creates of one new id in one transaction: the second sees the first and is refused.
  write_batch batch;
  batch.requests.push_back({{create_workflow_op{{"new", "one", "", "1.0", "{}", {}}}}});
  batch.requests.push_back({{create_workflow_op{{"new", "two", "", "1.0", "{}", {}}}}});
  auto outcomes = db->commit(batch);
  AURAOS_REQUIRE_OK(outcomes);
  BOOST_REQUIRE_EQUAL(outcomes->size(), 2u);
  BOOST_TEST((*outcomes)[0].has_value());
  BOOST_TEST(error_code((*outcomes)[1]) == store_errc::conflict);
  BOOST_TEST(db->get_workflow("new")->name == "one");
}

BOOST_AUTO_TEST_CASE(unknown_workflow_or_revision_is_not_found) {
  add_workflow("wf");
  BOOST_TEST(error_code(db->get_workflow("nope")) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_workflow("wf", 2)) == store_errc::not_found);
  BOOST_TEST(error_code(db->put_workflow({"", "n", "", "", "{}", {}})) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(list_workflows_filters_by_name_and_tag) {
  add_workflow("a", "billing", {"prod", "eu"});
  add_workflow("b", "billing", {"dev"});
  add_workflow("c", "reports", {"prod"});
  auto by_name = db->list_workflows({"billing", std::nullopt}, {});
  AURAOS_REQUIRE_OK(by_name);
  BOOST_TEST(ids(by_name->items) == (std::vector<std::string>{"a", "b"}));
  auto by_tag = db->list_workflows({std::nullopt, "prod"}, {});
  AURAOS_REQUIRE_OK(by_tag);
  BOOST_TEST(ids(by_tag->items) == (std::vector<std::string>{"a", "c"}));
  auto both = db->list_workflows({"billing", "prod"}, {});
  AURAOS_REQUIRE_OK(both);
  BOOST_TEST(ids(both->items) == std::vector<std::string>{"a"});
  BOOST_TEST(!both->next_cursor.has_value());
}

BOOST_AUTO_TEST_CASE(list_workflows_pages_are_stable_under_inserts) {
  for (auto id : {"e", "a", "d", "b", "c"}) add_workflow(id);  // same created_at: ties by id
  auto first = db->list_workflows({}, {2, std::nullopt});
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(ids(first->items) == (std::vector<std::string>{"a", "b"}));
  BOOST_REQUIRE(first->next_cursor.has_value());
  add_workflow("0-early-id");  // sorts before the cursor by id, must not reappear or shift
  auto second = db->list_workflows({}, {2, first->next_cursor});
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(ids(second->items) == (std::vector<std::string>{"c", "d"}));
  auto third = db->list_workflows({}, {2, second->next_cursor});
  AURAOS_REQUIRE_OK(third);
  BOOST_TEST(ids(third->items) == std::vector<std::string>{"e"});
  BOOST_TEST(!third->next_cursor.has_value());
}

BOOST_AUTO_TEST_CASE(bad_cursor_or_limit_is_invalid) {
  BOOST_TEST(error_code(db->list_workflows({}, {10, "garbage"})) == store_errc::invalid);
  BOOST_TEST(error_code(db->list_workflows({}, {0, std::nullopt})) == store_errc::invalid);
  BOOST_TEST(error_code(db->list_executions({}, {5000, std::nullopt})) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(deleted_workflow_is_hidden_but_its_revisions_stay_readable) {
  add_workflow("wf");
  auto execution = add_execution("wf");
  AURAOS_REQUIRE_OK(db->delete_workflow("wf"));
  BOOST_TEST(error_code(db->get_workflow("wf")) == store_errc::not_found);
  BOOST_TEST(db->list_workflows({}, {})->items.empty());
  BOOST_TEST(db->get_workflow("wf", 1).has_value());
  BOOST_TEST(db->get_execution(execution.id)->revision == 1);
  BOOST_TEST(error_code(db->delete_workflow("wf")) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(reopening_the_database_keeps_everything) {
  add_workflow("wf", "kept", {"t"});
  auto execution = add_execution("wf");
  AURAOS_REQUIRE_OK(db->append(appending(execution.id, 1, 2)));
  AURAOS_REQUIRE_OK(db->put_timer({execution.id, "t1", 50}));
  AURAOS_REQUIRE_OK(db->put_snapshot({execution.id, 2, "state"}));
  AURAOS_REQUIRE_OK(db->acquire_shard(3, "node-a"));
  reopen();
  BOOST_TEST(db->get_workflow("wf")->tags == std::vector<std::string>{"t"});
  BOOST_TEST(db->get_execution(execution.id)->workflow_id == "wf");
  BOOST_TEST(db->read_history(execution.id, 0)->size() == 2u);
  BOOST_TEST(db->next_timer_deadline().value().value_or(0) == 50);
  BOOST_TEST(db->latest_snapshot(execution.id).value()->payload == "state");
  BOOST_TEST(db->get_shard_lease(3)->epoch == 1);
}

BOOST_AUTO_TEST_CASE(database_with_newer_schema_is_refused) {
  add_workflow("wf");
  db.reset();
  factory->record_future_schema_version();
  auto opened = factory->open([] { return std::int64_t{0}; });
  BOOST_REQUIRE(!opened.has_value());
  BOOST_TEST(opened.error().code == store_errc::invalid);
  BOOST_TEST(opened.error().message.find("newer than this binary") != std::string::npos,
             opened.error().message);
}

BOOST_AUTO_TEST_SUITE_END()
