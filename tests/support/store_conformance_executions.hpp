#pragma once
// Conformance cases of the execution_store: executions, idempotency keys, updates, lists and
// recovery.

BOOST_FIXTURE_TEST_SUITE(store_conformance_executions, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(repeated_idempotency_key_returns_the_first_execution) {
  add_workflow("wf");
  add_workflow("other");
  execution_record request;
  request.workflow_id = "wf";
  request.input = R"({"n":1})";
  request.idempotency_key = "key-1";
  auto first = db->create_execution(request);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(!first->existing);
  BOOST_TEST(first->execution.id.size() == 36u);
  BOOST_TEST(first->execution.revision == 1);
  request.input = R"({"n":2})";
  auto repeat = db->create_execution(request);
  AURAOS_REQUIRE_OK(repeat);
  BOOST_TEST(repeat->existing);
  BOOST_TEST(repeat->execution.id == first->execution.id);
  BOOST_TEST(repeat->execution.input == R"({"n":1})");
  request.workflow_id = "other";
  auto elsewhere = db->create_execution(request);
  AURAOS_REQUIRE_OK(elsewhere);
  BOOST_TEST(!elsewhere->existing);
  BOOST_TEST(elsewhere->execution.id != first->execution.id);
}

BOOST_AUTO_TEST_CASE(execution_of_unknown_workflow_or_revision_is_not_found) {
  add_workflow("wf");
  execution_record request;
  request.workflow_id = "missing";
  BOOST_TEST(error_code(db->create_execution(request)) == store_errc::not_found);
  request.workflow_id = "wf";
  request.revision = 7;
  BOOST_TEST(error_code(db->create_execution(request)) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_execution("missing")) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(update_execution_changes_only_the_given_fields) {
  add_workflow("wf");
  auto e = add_execution("wf");
  AURAOS_REQUIRE_OK(db->update_execution({e.id, execution_status::running, {}, {}, 10, {}}));
  AURAOS_REQUIRE_OK(
      db->update_execution({e.id, execution_status::completed, R"({"ok":true})", {}, {}, 20}));
  auto stored = db->get_execution(e.id);
  AURAOS_REQUIRE_OK(stored);
  BOOST_TEST(stored->status == execution_status::completed);
  BOOST_TEST(stored->output.value_or("") == R"({"ok":true})");
  BOOST_TEST(!stored->error.has_value());
  BOOST_TEST(stored->started_at.value_or(0) == 10);
  BOOST_TEST(stored->completed_at.value_or(0) == 20);
  BOOST_TEST(error_code(db->update_execution(
                 {"missing", execution_status::failed, {}, {}, {}, {}})) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(list_executions_filters_by_workflow_and_status_and_pages) {
  add_workflow("a");
  add_workflow("b");
  std::vector<std::string> of_a;
  for (int i = 0; i < 3; ++i, ++now_ms) of_a.push_back(add_execution("a").id);
  auto of_b = add_execution("b", execution_status::failed).id;
  auto page1 = db->list_executions({"a", std::nullopt}, {2, std::nullopt});
  AURAOS_REQUIRE_OK(page1);
  BOOST_TEST(ids(page1->items) == (std::vector<std::string>{of_a[0], of_a[1]}));
  auto page2 = db->list_executions({"a", std::nullopt}, {2, page1->next_cursor});
  AURAOS_REQUIRE_OK(page2);
  BOOST_TEST(ids(page2->items) == std::vector<std::string>{of_a[2]});
  BOOST_TEST(!page2->next_cursor.has_value());
  auto failed = db->list_executions({std::nullopt, execution_status::failed}, {});
  AURAOS_REQUIRE_OK(failed);
  BOOST_TEST(ids(failed->items) == std::vector<std::string>{of_b});
}

BOOST_AUTO_TEST_CASE(unfinished_executions_are_pending_running_or_paused) {
  add_workflow("wf");
  std::vector<std::string> unfinished;
  for (auto status :
       {execution_status::pending, execution_status::completed, execution_status::running,
        execution_status::failed, execution_status::paused, execution_status::cancelled}) {
    auto id = add_execution("wf", status).id;
    if (is_unfinished(status)) unfinished.push_back(id);
    ++now_ms;
  }
  auto found = db->unfinished_executions();
  AURAOS_REQUIRE_OK(found);
  BOOST_TEST(ids(*found) == unfinished);
}

BOOST_AUTO_TEST_CASE(creator_and_sealed_secrets_are_stored_and_read_back) {
  add_workflow("wf");
  execution_record request;
  request.workflow_id = "wf";
  request.input = R"({"apiKey":"***"})";
  request.created_by = "6f1c2a8e-0000-4000-8000-000000000001";
  request.secrets = "v1:k1:bm9uY2U:Y2lwaGVy";
  auto created = db->create_execution(request);
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(created->execution.created_by.value_or("") == *request.created_by);
  BOOST_TEST(created->execution.secrets.value_or("") == *request.secrets);
  auto anonymous = add_execution("wf");
  auto listed = db->list_executions({"wf", std::nullopt}, {});
  AURAOS_REQUIRE_OK(listed);
  BOOST_REQUIRE(listed->items.size() == 2u);
  for (const auto& item : listed->items) {
    auto mine = item.id == created->execution.id;
    BOOST_TEST(item.created_by.has_value() == mine);
    BOOST_TEST(item.secrets.has_value() == mine);
  }
  auto stored = db->get_execution(created->execution.id);
  AURAOS_REQUIRE_OK(stored);
  BOOST_TEST(stored->created_by.value_or("") == *request.created_by);
  BOOST_TEST(stored->secrets.value_or("") == *request.secrets);
  BOOST_TEST(!db->get_execution(anonymous.id)->created_by.has_value());
}

BOOST_AUTO_TEST_CASE(executions_are_counted_by_status) {
  add_workflow("wf");
  AURAOS_REQUIRE_OK(db->count_executions_by_status());
  BOOST_TEST(db->count_executions_by_status()->empty());
  for (auto status : {execution_status::running, execution_status::completed,
                      execution_status::running, execution_status::failed}) {
    add_execution("wf", status);
    ++now_ms;
  }
  auto counts = db->count_executions_by_status();
  AURAOS_REQUIRE_OK(counts);
  std::map<std::string, std::int64_t> expected{{"completed", 1}, {"failed", 1}, {"running", 2}};
  BOOST_TEST((*counts == expected));
}

BOOST_AUTO_TEST_SUITE_END()
