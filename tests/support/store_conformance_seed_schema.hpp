#pragma once
// Conformance cases: the seed's schema (tables, columns, indexes), workflow statuses,
// metadata, revision lists and the execution columns the store derives.

#include <nlohmann/json.hpp>

namespace auraos::test::conformance {

/// Every table of the seed's Database Design with the seed's column names.
inline const std::vector<std::pair<std::string, std::vector<std::string>>>& seed_columns() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> tables{
      {"workflows",
       {"id", "name", "description", "definition", "version", "status", "created_by", "created_at",
        "updated_at", "tags", "metadata"}},
      {"workflow_executions",
       {"id", "workflow_id", "status", "input_data", "output_data", "started_at", "completed_at",
        "error_message", "execution_time", "resource_usage", "metrics", "created_by"}},
      {"tasks",
       {"id", "name", "description", "type", "config", "status", "priority", "created_by",
        "created_at", "updated_at", "tags", "metadata"}},
      {"task_executions",
       {"id", "task_id", "status", "input_data", "output_data", "started_at", "completed_at",
        "error_message", "execution_time", "resource_allocation", "metrics"}},
      {"events",
       {"id", "type", "source", "data", "timestamp", "correlation_id", "causation_id", "metadata"}},
      {"users", {"id"}},
  };
  return tables;
}

/// Every index of the seed's Database Design, by the seed's names.
inline const std::vector<std::string>& seed_indexes() {
  static const std::vector<std::string> names{
      "idx_workflows_status",
      "idx_workflows_created_by",
      "idx_workflows_created_at",
      "idx_workflow_executions_workflow_id",
      "idx_workflow_executions_status",
      "idx_workflow_executions_started_at",
      "idx_tasks_status",
      "idx_tasks_type",
      "idx_tasks_priority",
      "idx_tasks_created_by",
      "idx_task_executions_task_id",
      "idx_task_executions_status",
      "idx_task_executions_started_at",
      "idx_events_type",
      "idx_events_source",
      "idx_events_timestamp",
      "idx_events_correlation_id",
  };
  return names;
}

/// Fails the test for every seed column or index the database lacks.
inline void check_seed_schema(store_factory& factory) {
  for (const auto& [table, columns] : seed_columns())
    for (const auto& column : columns)
      BOOST_TEST(factory.has_column(table, column), table + "." + column + " is missing");
  for (const auto& index : seed_indexes())
    BOOST_TEST(factory.has_index(index), "index " + index + " is missing");
}

/// The revision numbers of a page, in order.
inline std::vector<std::int64_t> revisions(const std::vector<workflow_record>& records) {
  std::vector<std::int64_t> out;
  for (const auto& r : records) out.push_back(r.revision);
  return out;
}

/// True when two JSON texts hold the same document (JSONB keeps neither spacing nor order).
inline bool same_json(const std::optional<std::string>& text, std::string_view expected) {
  return text && nlohmann::json::parse(*text) == nlohmann::json::parse(expected);
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_seed_schema, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_new_database_has_the_seed_tables_columns_and_indexes) {
  check_seed_schema(*factory);
  BOOST_TEST(!factory->has_column("workflows", "no_such_column"));
  BOOST_TEST(!factory->has_index("idx_no_such_index"));
}

BOOST_AUTO_TEST_CASE(a_new_workflow_is_a_draft_and_keeps_its_status_across_revisions) {
  BOOST_TEST(add_workflow("wf").status == workflow_status::draft);
  auto active = db->set_workflow_status("wf", workflow_status::active);
  AURAOS_REQUIRE_OK(active);
  BOOST_TEST(active->status == workflow_status::active);
  BOOST_TEST(active->revision == 1);  // a status change is no new revision
  auto second = db->put_workflow({"wf", "w", "", "2", R"({"v":2})", {}});
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(second->revision == 2);
  BOOST_TEST(second->status == workflow_status::active);
  BOOST_TEST(db->get_workflow("wf")->status == workflow_status::active);
  BOOST_TEST(db->get_workflow("wf", 1)->status == workflow_status::active);  // the current one
  workflow_draft archived{"wf", "w", "", "3", R"({"v":3})", {}};
  archived.status = workflow_status::archived;
  BOOST_TEST(db->put_workflow(archived)->status == workflow_status::archived);
  BOOST_TEST(db->get_workflow("wf")->status == workflow_status::archived);
}

BOOST_AUTO_TEST_CASE(status_of_an_unknown_or_deleted_workflow_is_not_found) {
  BOOST_TEST(error_code(db->set_workflow_status("nope", workflow_status::active)) ==
             store_errc::not_found);
  add_workflow("wf");
  AURAOS_REQUIRE_OK(db->delete_workflow("wf"));
  BOOST_TEST(error_code(db->set_workflow_status("wf", workflow_status::active)) ==
             store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(a_revived_workflow_starts_again_as_a_draft) {
  add_workflow("wf");
  AURAOS_REQUIRE_OK(db->set_workflow_status("wf", workflow_status::archived));
  AURAOS_REQUIRE_OK(db->delete_workflow("wf"));
  auto revived = db->put_workflow({"wf", "w", "", "1", "{}", {}});
  AURAOS_REQUIRE_OK(revived);
  BOOST_TEST(revived->revision == 2);
  BOOST_TEST(revived->status == workflow_status::draft);
}

BOOST_AUTO_TEST_CASE(list_workflows_filters_by_status) {
  add_workflow("a");
  add_workflow("b");
  add_workflow("c");
  AURAOS_REQUIRE_OK(db->set_workflow_status("b", workflow_status::active));
  AURAOS_REQUIRE_OK(db->set_workflow_status("c", workflow_status::archived));
  auto by = [&](workflow_status status) {
    workflow_filter filter;
    filter.status = status;
    auto found = db->list_workflows(filter, {});
    BOOST_REQUIRE(found.has_value());
    return ids(found->items);
  };
  BOOST_TEST(by(workflow_status::draft) == std::vector<std::string>{"a"});
  BOOST_TEST(by(workflow_status::active) == std::vector<std::string>{"b"});
  BOOST_TEST(by(workflow_status::archived) == std::vector<std::string>{"c"});
  BOOST_TEST(db->list_workflows({}, {})->items.size() == 3u);
}

BOOST_AUTO_TEST_CASE(metadata_is_stored_with_each_revision) {
  workflow_draft draft{"wf", "w", "", "1", "{}", {}};
  draft.metadata = R"({"owner":"shop-team"})";
  AURAOS_REQUIRE_OK(db->put_workflow(draft));
  draft.metadata.reset();
  AURAOS_REQUIRE_OK(db->put_workflow(draft));
  BOOST_TEST(same_json(db->get_workflow("wf", 1)->metadata, R"({"owner":"shop-team"})"));
  BOOST_TEST(!db->get_workflow("wf")->metadata.has_value());
}

BOOST_AUTO_TEST_CASE(revisions_are_listed_in_order_a_page_at_a_time) {
  for (int i = 0; i < 3; ++i) {
    now_ms += 10;
    add_workflow("wf", "rev" + std::to_string(i + 1));
  }
  add_workflow("other");
  auto first = db->list_workflow_revisions("wf", {2, std::nullopt});
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(revisions(first->items) == (std::vector<std::int64_t>{1, 2}));
  BOOST_TEST(first->items[1].name == "rev2");
  BOOST_TEST(first->items[1].updated_at == first->items[0].updated_at + 10);
  BOOST_REQUIRE(first->next_cursor.has_value());
  auto second = db->list_workflow_revisions("wf", {2, first->next_cursor});
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(revisions(second->items) == std::vector<std::int64_t>{3});
  BOOST_TEST(!second->next_cursor.has_value());
  AURAOS_REQUIRE_OK(db->delete_workflow("wf"));  // revisions stay readable, as get_workflow's
  BOOST_TEST(db->list_workflow_revisions("wf", {})->items.size() == 3u);
}

BOOST_AUTO_TEST_CASE(revisions_of_an_unknown_workflow_or_with_a_bad_cursor_are_refused) {
  add_workflow("wf");
  BOOST_TEST(error_code(db->list_workflow_revisions("nope", {})) == store_errc::not_found);
  BOOST_TEST(error_code(db->list_workflow_revisions("wf", {10, "abc"})) == store_errc::invalid);
  BOOST_TEST(error_code(db->list_workflow_revisions("wf", {10, "0"})) == store_errc::invalid);
  BOOST_TEST(error_code(db->list_workflow_revisions("wf", {0, std::nullopt})) ==
             store_errc::invalid);
  auto past_the_end = db->list_workflow_revisions("wf", {10, "5"});
  AURAOS_REQUIRE_OK(past_the_end);
  BOOST_TEST(past_the_end->items.empty());
}

BOOST_AUTO_TEST_CASE(an_ended_execution_gets_its_time_error_message_and_metrics) {
  add_workflow("wf");
  auto e = add_execution("wf");
  BOOST_TEST(!e.execution_time_ms.has_value());
  AURAOS_REQUIRE_OK(db->update_execution({e.id, execution_status::running, {}, {}, 1000, {}, {}}));
  BOOST_TEST(!db->get_execution(e.id)->execution_time_ms.has_value());
  execution_update end{e.id, execution_status::failed, {}, {}, {}, 1250, {}};
  end.error = R"({"type":"shell","message":"exit code 3: boom","retryable":false})";
  end.metrics = R"({"nodeAttempts":2,"historyRecords":7})";
  AURAOS_REQUIRE_OK(db->update_execution(end));
  auto ended = db->get_execution(e.id);
  AURAOS_REQUIRE_OK(ended);
  BOOST_TEST(ended->execution_time_ms.value_or(-1) == 250);
  BOOST_TEST(ended->error_message.value_or("") == "exit code 3: boom");
  BOOST_TEST(same_json(ended->metrics, R"({"nodeAttempts":2,"historyRecords":7})"));
  AURAOS_REQUIRE_OK(db->update_execution({e.id, execution_status::failed, {}, {}, {}, {}, {}}));
  BOOST_TEST(db->get_execution(e.id)->error_message.value_or("") == "exit code 3: boom");
}

BOOST_AUTO_TEST_CASE(an_execution_created_ended_has_its_derived_columns_at_once) {
  add_workflow("wf");
  execution_record e;
  e.workflow_id = "wf";
  e.status = execution_status::failed;
  e.started_at = 500;
  e.completed_at = 800;
  e.error = R"({"type":"subworkflow","message":"child refused"})";
  auto created = db->create_execution(e);
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(created->execution.execution_time_ms.value_or(-1) == 300);
  BOOST_TEST(created->execution.error_message.value_or("") == "child refused");
}

BOOST_AUTO_TEST_SUITE_END()
