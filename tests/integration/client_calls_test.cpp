// Every typed call of workflows, executions and events that client_api_test leaves out,
// against a real node: each answer is checked for its content (the REST operation the call
// names was reached with its parameters and body), and each service answers at least one error
// value with REST's status and code. Tasks and the node: client_task_calls_test.cpp.

#include <boost/test/unit_test.hpp>

#include "tests/support/client_node.hpp"

using namespace std::chrono_literals;
namespace v1 = auraos::v1;
using auraos::client::result;
using auraos::test::api_node;
using auraos::test::expect_error;
using auraos::test::from_json;
using auraos::test::ok;
using auraos::test::why;

namespace {

/// Polls execution `id` until its status is `status` (30 s at most); its last status.
std::string wait_execution(auraos::client::client& c, const std::string& id,
                           const std::string& status) {
  std::string now;
  auraos::test::wait_until(
      [&] {
        auto e = c.get_execution(id);
        now = e ? e->value.status() : why(e);
        return now == status;
      },
      30s);
  return now;
}


/// A workflow whose one node waits up to a minute for the signal `go` of its own execution.
const char* gate = R"({"id": "gate", "name": "gate", "description": "first", "nodes": [
  {"id": "wait", "type": "wait_event",
   "config": {"type": "go", "correlationId": "${execution.id}", "timeoutSeconds": 60}}],
  "output": "${nodes.wait.output.data}"})";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(client_calls, api_node)

BOOST_AUTO_TEST_CASE(workflow_calls_keep_revisions_status_and_metrics) {
  BOOST_TEST_REQUIRE(c.create_workflow(from_json<v1::WorkflowDefinition>(gate)).has_value());
  auto second = from_json<v1::WorkflowDefinition>(gate);
  second.set_description("second");
  auto updated = ok(c.update_workflow("gate", second));
  BOOST_TEST(updated.revision() == 2);
  BOOST_TEST(updated.description() == "second");
  auto revisions = ok(c.workflow_revisions("gate"));
  BOOST_TEST_REQUIRE(revisions.items_size() == 2);
  BOOST_TEST(revisions.items(0).revision() == 1);
  BOOST_TEST(revisions.items(0).description() == "first");
  BOOST_TEST(revisions.items(1).description() == "second");
  auto paged = ok(c.workflow_revisions("gate", {{"limit", "1"}}));
  BOOST_TEST(paged.items_size() == 1);
  BOOST_TEST(paged.has_next_cursor());
  auto first = ok(c.workflow_revision("gate", 1));
  BOOST_TEST(first.revision() == 1);
  BOOST_TEST(first.description() == "first");
  auto active = ok(c.set_workflow_status("gate", "active"));
  BOOST_TEST(active.status() == "active");
  BOOST_TEST(active.revision() == 2);
  auto listed = ok(c.list_workflows({{"status", "active"}}));
  BOOST_TEST_REQUIRE(listed.items_size() == 1);
  BOOST_TEST(listed.items(0).id() == "gate");
  BOOST_TEST(ok(c.list_workflows({{"status", "draft"}})).items_size() == 0);

  auto started = ok(c.execute("gate", {}));
  BOOST_TEST(started.value.revision() == 2);
  v1::SignalRequest go;
  go.set_name("go");
  BOOST_TEST_REQUIRE(c.signal(started.value.id(), go).has_value());
  BOOST_TEST(wait_execution(c, started.value.id(), "completed") == "completed");
  auto metrics = ok(c.workflow_metrics("gate"));
  BOOST_TEST(metrics.executions().total() == 1);
  BOOST_TEST(metrics.executions().completed() == 1);
  BOOST_TEST_REQUIRE(metrics.has_success_rate());
  BOOST_TEST(metrics.success_rate().value() == 1.0);

  expect_error(c.workflow_revision("gate", 9), 404, "not_found");
  expect_error(c.set_workflow_status("gate", "sleeping"), 400, "bad_request");
  expect_error(c.update_workflow("gate", from_json<v1::WorkflowDefinition>(R"({"name": "x"})")),
               422, "invalid_definition");
  expect_error(c.workflow_metrics("no-such-workflow"), 404, "not_found");
  BOOST_TEST(ok(c.set_workflow_status("gate", "archived")).status() == "archived");
  expect_error(c.execute("gate", {}), 409, "conflict");
  BOOST_TEST_REQUIRE(c.delete_workflow("gate").has_value());
  expect_error(c.get_workflow("gate"), 404, "not_found");
  // A deleted workflow's revisions are still listed (docs/rest-api.md).
  auto kept = ok(c.workflow_revisions("gate"));
  BOOST_TEST(kept.items_size() == 2);
}

BOOST_AUTO_TEST_CASE(execution_calls_pause_resume_signal_cancel_and_read) {
  BOOST_TEST_REQUIRE(c.create_workflow(from_json<v1::WorkflowDefinition>(gate)).has_value());
  auto one = ok(c.execute("gate", from_json<v1::StartExecutionRequest>(R"({"input": {"n": 1}})")));
  auto id = one.value.id();
  BOOST_TEST_REQUIRE(auraos::test::wait_until(
      [&] {
        auto e = c.get_execution(id);
        return e && e->value.nodes_size() == 1 && e->value.nodes(0).status() == "waiting";
      },
      30s));
  BOOST_TEST(ok(c.pause(id)).id() == id);
  BOOST_TEST(wait_execution(c, id, "paused") == "paused");
  expect_error(c.pause(id), 409, "conflict");
  BOOST_TEST(ok(c.resume(id)).id() == id);
  BOOST_TEST(wait_execution(c, id, "running") == "running");
  auto go = from_json<v1::SignalRequest>(R"({"name": "go", "data": {"by": "ann"}})");
  auto signalled = ok(c.signal(id, go));
  BOOST_TEST(!signalled.event_id().empty());
  BOOST_TEST(wait_execution(c, id, "completed") == "completed");
  auto done = ok(c.get_execution(id)).value;
  BOOST_TEST(done.output().struct_value().fields().at("by").string_value() == "ann");
  auto event = ok(c.get_event(signalled.event_id()));
  BOOST_TEST(event.type() == "go");
  BOOST_TEST(event.correlation_id().value() == id);
  expect_error(c.signal(id, go), 409, "conflict");

  auto two = ok(c.execute("gate", {}));
  BOOST_TEST(ok(c.cancel(two.value.id())).id() == two.value.id());
  BOOST_TEST(wait_execution(c, two.value.id(), "cancelled") == "cancelled");

  auto history = ok(c.history(id));
  BOOST_TEST_REQUIRE(history.items_size() > 4);
  BOOST_TEST(history.items(0).seq() == 1);
  BOOST_TEST(history.items(0).kind() == "execution_started");
  BOOST_TEST(history.items(history.items_size() - 1).kind() == "execution_completed");
  auto page = ok(c.history(id, {{"limit", "2"}}));
  BOOST_TEST(page.items_size() == 2);
  BOOST_TEST(page.has_next_cursor());
  auto logs = ok(c.logs(id));
  BOOST_TEST(logs.items_size() == history.items_size());
  BOOST_TEST(logs.items(0).find(id) != std::string::npos, logs.items(0));
  BOOST_TEST(logs.items(0).find("execution_started") != std::string::npos, logs.items(0));

  auto completed = ok(c.list_executions({{"workflowId", "gate"}, {"status", "completed"}}));
  BOOST_TEST_REQUIRE(completed.items_size() == 1);
  BOOST_TEST(completed.items(0).id() == id);
  auto newest =
      ok(c.list_executions({{"workflowId", "gate"}, {"order", "newest"}, {"limit", "1"}}));
  BOOST_TEST_REQUIRE(newest.items_size() == 1);
  BOOST_TEST(newest.items(0).id() == two.value.id());
  BOOST_TEST(newest.has_next_cursor());
  auto figures = ok(c.execution_metrics({{"interval", "60"}}));
  BOOST_TEST(figures.by_status().completed() == 1);
  BOOST_TEST(figures.by_status().cancelled() == 1);
  BOOST_TEST(figures.interval_seconds() == 60);

  expect_error(c.pause("7d1f6a3c-0000-4000-8000-000000000000"), 404, "not_found");
  expect_error(c.list_executions({{"status", "sleeping"}}), 400, "bad_request");
}

BOOST_AUTO_TEST_CASE(event_calls_read_correlate_count_clean_and_keep_rules) {
  auto published = ok(c.publish(from_json<v1::EventBatch>(R"({"items": [
    {"id": "root", "type": "order.placed", "source": "shop", "correlationId": "c1",
     "data": {"n": 1}},
    {"id": "paid", "type": "order.paid", "source": "bank", "correlationId": "c1",
     "causationId": "root"},
    {"id": "old", "type": "order.placed", "source": "shop",
     "timestamp": "2020-01-01T00:00:00Z"}]})")));
  BOOST_TEST_REQUIRE(published.items_size() == 3);
  BOOST_TEST(published.items(1).causation_id().value() == "root");
  auto placed = ok(c.list_events({{"type", "order.placed"}, {"source", "shop"}}));
  BOOST_TEST_REQUIRE(placed.items_size() == 2);
  BOOST_TEST(placed.items(0).id() == "root");
  BOOST_TEST(ok(c.list_events({{"correlationId", "c1"}})).items_size() == 2);
  auto root = ok(c.get_event("root"));
  BOOST_TEST(root.data().struct_value().fields().at("n").number_value() == 1);
  auto correlation = ok(c.correlation("c1"));
  BOOST_TEST(correlation.correlation_id() == "c1");
  BOOST_TEST(correlation.events_size() == 2);
  BOOST_TEST_REQUIRE(correlation.tree_size() == 1);
  BOOST_TEST(correlation.tree(0).id() == "root");
  BOOST_TEST_REQUIRE(correlation.tree(0).children_size() == 1);
  BOOST_TEST(correlation.tree(0).children(0).id() == "paid");
  auto metrics = ok(c.event_metrics({{"interval", "60"}}));
  BOOST_TEST(metrics.total() == 2);  // "old" is before the window
  BOOST_TEST(metrics.interval_seconds() == 60);
  auto cleaned = ok(c.delete_old_events({{"olderThan", "2021-01-01T00:00:00Z"}}));
  BOOST_TEST(cleaned.deleted() == 1);
  BOOST_TEST(cleaned.complete());
  expect_error(c.get_event("old"), 404, "not_found");
  expect_error(c.delete_old_events({}), 400, "bad_request");

  auto rule = from_json<v1::EventPatternRule>(R"({"id": "p1", "name": "twice", "kind": "threshold",
    "type": "order.placed", "count": 2, "within": 60, "emit": {"type": "busy", "source": "p"}})");
  auto created = ok(c.create_pattern(rule));
  BOOST_TEST(created.id() == "p1");
  BOOST_TEST(created.kind() == "threshold");
  BOOST_TEST(created.count() == 2);
  BOOST_TEST(created.emit().type() == "busy");
  rule.set_count(3);
  BOOST_TEST(ok(c.replace_pattern("p1", rule)).count() == 3);
  auto patterns = ok(c.list_patterns());
  BOOST_TEST_REQUIRE(patterns.items_size() == 1);
  BOOST_TEST(patterns.items(0).name() == "twice");
  auto read = ok(c.get_pattern("p1"));
  BOOST_TEST(read.count() == 3);
  BOOST_TEST(read.within() == 60);
  BOOST_TEST(c.delete_pattern("p1").has_value());
  expect_error(c.get_pattern("p1"), 404, "not_found");
  expect_error(c.create_pattern(from_json<v1::EventPatternRule>(
                   R"({"name": "x", "kind": "sequence", "within": -1})")),
               422, "invalid_input");

  auto kept = ok(c.put_retention("order.placed",
                                 from_json<v1::RetentionRuleBody>(R"({"maxAgeSeconds": 3600})")));
  BOOST_TEST(kept.type() == "order.placed");
  BOOST_TEST(kept.max_age_seconds().value() == 3600);
  BOOST_TEST(!kept.has_max_count());
  auto retention = ok(c.get_retention("order.placed"));
  BOOST_TEST(retention.max_age_seconds().value() == 3600);
  BOOST_TEST(retention.has_updated_at());
  auto rules = ok(c.list_retention());
  BOOST_TEST_REQUIRE(rules.items_size() == 1);
  BOOST_TEST(rules.items(0).type() == "order.placed");
  BOOST_TEST(c.delete_retention("order.placed").has_value());
  expect_error(c.get_retention("order.placed"), 404, "not_found");
  expect_error(c.put_retention("x", from_json<v1::RetentionRuleBody>(R"({"maxCount": -1})")), 422,
               "invalid_input");
}

BOOST_AUTO_TEST_SUITE_END()
