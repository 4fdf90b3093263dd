#pragma once
// Conformance cases of the security_store's audit log: appended in order (one batch all or
// nothing), listed newest first with filters and a cursor, counted by outcome and action over
// a time frame, pruned by age.

namespace auraos::test::conformance {

/// An audit entry of `actor` doing `action` at `at` with `outcome`.
inline audit_record an_audit(std::int64_t at, std::string actor, std::string action,
                             std::string outcome = "allowed",
                             std::optional<std::string> target = std::nullopt) {
  std::int64_t status = outcome == "refused" ? 403 : 200;
  return {0,
          at,
          std::move(actor),
          "name",
          std::nullopt,
          std::move(action),
          std::move(target),
          "127.0.0.1",
          std::move(outcome),
          status};
}

/// The actions of a list of entries, in order.
inline std::vector<std::string> actions(const std::vector<audit_record>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.action);
  return out;
}

/// The actions of the entries `filter` lists (one page of 100).
inline std::vector<std::string> audited(store& db, const audit_filter& filter) {
  auto page = db.list_audit(filter, page_request{});
  BOOST_REQUIRE_MESSAGE(page.has_value(), (page ? "" : page.error().message));
  return actions(page->items);
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_audit, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(audit_entries_are_listed_newest_first_with_filters_and_a_cursor) {
  auto detailed = an_audit(0, "u1", "createWorkflow", "allowed", std::string{"orders"});
  detailed.token_id = "jti-1";
  detailed.details = R"({"revision": 2})";
  AURAOS_REQUIRE_OK(
      db->append_audit({detailed, an_audit(1000, "u2", "deleteWorkflow", "refused")}));
  AURAOS_REQUIRE_OK(db->append_audit({an_audit(2000, "anonymous", "listWorkflows", "refused")}));
  AURAOS_REQUIRE_OK(db->append_audit({an_audit(3000, "u1", "startExecution", "failed")}));

  page_request page;
  page.limit = 3;
  auto first = db->list_audit({}, page);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST((actions(first->items) ==
              std::vector<std::string>{"startExecution", "listWorkflows", "deleteWorkflow"}));
  BOOST_TEST(first->items[0].seq > first->items[1].seq);
  BOOST_TEST_REQUIRE(first->next_cursor.has_value());
  page.cursor = first->next_cursor;
  auto second = db->list_audit({}, page);
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST_REQUIRE(second->items.size() == 1u);
  BOOST_TEST(!second->next_cursor.has_value());
  const auto& oldest = second->items[0];
  BOOST_TEST(oldest.at == now_ms);  // an `at` of 0 is the store's clock
  BOOST_TEST(oldest.actor == "u1");
  BOOST_TEST(oldest.actor_name == "name");
  BOOST_TEST((oldest.token_id == std::optional<std::string>{"jti-1"}));
  BOOST_TEST((oldest.target == std::optional<std::string>{"orders"}));
  BOOST_TEST(oldest.source == "127.0.0.1");
  BOOST_TEST(oldest.outcome == "allowed");
  BOOST_TEST(oldest.status == 200);
  BOOST_TEST(same_json(oldest.details, R"({"revision":2})"));
  BOOST_TEST(!first->items[0].token_id.has_value());
  BOOST_TEST(!first->items[0].details.has_value());
  page.cursor = "garbage";
  BOOST_TEST(error_code(db->list_audit({}, page)) == store_errc::invalid);

  audit_filter by_actor;
  by_actor.actor = "u1";
  BOOST_TEST(
      (audited(*db, by_actor) == std::vector<std::string>{"startExecution", "createWorkflow"}));
  audit_filter refused;
  refused.outcome = "refused";
  BOOST_TEST(
      (audited(*db, refused) == std::vector<std::string>{"listWorkflows", "deleteWorkflow"}));
  audit_filter by_action;
  by_action.action = "deleteWorkflow";
  BOOST_TEST((audited(*db, by_action) == std::vector<std::string>{"deleteWorkflow"}));
  audit_filter by_target;
  by_target.target = "orders";
  BOOST_TEST((audited(*db, by_target) == std::vector<std::string>{"createWorkflow"}));
  audit_filter frame;
  frame.from = 1000;
  frame.to = 3000;
  BOOST_TEST((audited(*db, frame) == std::vector<std::string>{"listWorkflows", "deleteWorkflow"}));
}

BOOST_AUTO_TEST_CASE(a_bad_audit_entry_refuses_its_whole_batch) {
  auto bad = an_audit(2000, "u1", "b", "maybe");
  BOOST_TEST(error_code(db->append_audit({an_audit(1000, "u1", "a"), bad})) == store_errc::invalid);
  auto not_json = an_audit(2000, "u1", "c");
  not_json.details = "{not json";
  BOOST_TEST(error_code(db->append_audit({not_json})) == store_errc::invalid);
  BOOST_TEST(audited(*db, {}).empty());
  AURAOS_REQUIRE_OK(db->append_audit({}));
}

BOOST_AUTO_TEST_CASE(audit_entries_are_counted_by_outcome_and_action_over_a_frame) {
  AURAOS_REQUIRE_OK(db->append_audit(
      {an_audit(100, "u1", "createWorkflow"), an_audit(200, "u2", "createWorkflow", "refused"),
       an_audit(300, "u2", "deleteWorkflow", "refused"),
       an_audit(400, "u1", "startExecution", "failed"), an_audit(500, "u1", "startExecution")}));
  auto summary = db->summarize_audit(100, 500);
  AURAOS_REQUIRE_OK(summary);
  BOOST_TEST(summary->total == 4);
  auto by_outcome = summary->by_outcome;
  BOOST_TEST_REQUIRE(by_outcome.size() == 3u);
  BOOST_TEST(by_outcome[0].key == "allowed");
  BOOST_TEST(by_outcome[0].count == 1);
  BOOST_TEST(by_outcome[1].key == "failed");
  BOOST_TEST(by_outcome[1].count == 1);
  BOOST_TEST(by_outcome[2].key == "refused");
  BOOST_TEST(by_outcome[2].count == 2);
  auto by_action = summary->by_action;
  BOOST_TEST_REQUIRE(by_action.size() == 3u);
  BOOST_TEST(by_action[0].key == "createWorkflow");
  BOOST_TEST(by_action[0].count == 2);
  BOOST_TEST(by_action[2].key == "startExecution");
  BOOST_TEST(by_action[2].count == 1);
  BOOST_TEST(db->summarize_audit(600, 700)->total == 0);
}

BOOST_AUTO_TEST_CASE(old_audit_entries_are_pruned) {
  AURAOS_REQUIRE_OK(db->append_audit(
      {an_audit(100, "u1", "a"), an_audit(200, "u1", "b"), an_audit(300, "u1", "c")}));
  auto pruned = db->prune_audit(300);
  AURAOS_REQUIRE_OK(pruned);
  BOOST_TEST(*pruned == 2);
  BOOST_TEST((audited(*db, {}) == std::vector<std::string>{"c"}));
  BOOST_TEST(*db->prune_audit(300) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
