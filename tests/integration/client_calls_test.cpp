// Every typed call of auraos::client::client that client_api_test leaves out, against a real
// node: each answer is checked for its content (the REST operation the call names was reached
// with its parameters and body), and each service answers at least one error value with
// REST's status and code.

#include <boost/test/unit_test.hpp>

#include <google/protobuf/util/json_util.h>

#include "client/client.hpp"
#include "tests/support/serve_node.hpp"

using namespace std::chrono_literals;
namespace v1 = auraos::v1;
using auraos::client::result;

namespace {

/// A node with the actor API on a free port and a client of it.
struct api_node {
  auraos::test::temp_dir data;
  auraos::test::serve_process process{
      {"--http", "127.0.0.1:0", "--api-listen", "127.0.0.1:0", "--data-dir", data.path().string()}};
  std::uint16_t http_port = process.wait_for_port();
  std::uint16_t api_port = static_cast<std::uint16_t>(
      std::stoi(process.wait_for_line(R"(actor message API on [^ ]*:(\d+))", 30s)[1].str()));
  bool ready = auraos::test::wait_ready(http_port, 30s);
  auraos::client::client c{[this] {
    auraos::client::options out;
    out.port = api_port;
    return out;
  }()};
  api_node() { BOOST_TEST_REQUIRE(ready); }
};

/// The message of JSON `text` (the API's JSON mapping).
template <class T>
T from_json(const std::string& text) {
  T out;
  auto status = google::protobuf::util::JsonStringToMessage(text, &out);
  BOOST_REQUIRE_MESSAGE(status.ok(), status.ToString() + " in " + text);
  return out;
}

/// Why a call failed, for test messages ("" when it did not).
template <class T>
std::string why(const result<T>& r) {
  return r ? ""
           : std::to_string(r.error().status) + " " + r.error().code + ": " + r.error().message;
}

/// The value of `r`; fails the test with the error when there is none.
template <class T>
T ok(result<T> r) {
  BOOST_TEST_REQUIRE(r.has_value(), why(r));
  return std::move(*r);
}

/// Checks that `r` failed with `status` and `code`.
template <class T>
void expect_error(const result<T>& r, int status, const std::string& code) {
  BOOST_TEST_REQUIRE(!r.has_value());
  BOOST_TEST(r.error().status == status, why(r));
  BOOST_TEST(r.error().code == code, why(r));
}

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

/// Polls task run `id` until its status is `status` (30 s at most); its last view.
v1::TaskRun wait_run(auraos::client::client& c, const std::string& id, const std::string& status) {
  v1::TaskRun now;
  auraos::test::wait_until(
      [&] {
        auto run = c.get_task_run(id);
        if (run) now = *run;
        return now.status() == status;
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

BOOST_AUTO_TEST_CASE(task_calls_run_batch_schedule_and_serve_an_external_worker) {
  auto echo = from_json<v1::TaskDefinition>(
      R"({"id": "echo", "name": "echo", "type": "shell", "config": {"command": "echo hello"}})");
  BOOST_TEST(ok(c.create_task(echo)).queue() == "default");
  echo.set_description("says hello");
  BOOST_TEST(ok(c.replace_task("echo", echo)).description() == "says hello");
  BOOST_TEST(ok(c.get_task("echo")).description() == "says hello");
  auto shells = ok(c.list_tasks({{"type", "shell"}}));
  BOOST_TEST_REQUIRE(shells.items_size() == 1);
  BOOST_TEST(shells.items(0).id() == "echo");

  auto run = ok(c.start_task_run("echo", from_json<v1::StartTaskRunRequest>(R"({"input": 7})")));
  BOOST_TEST(run.task_id() == "echo");
  BOOST_TEST(run.input().number_value() == 7);
  BOOST_TEST(wait_run(c, run.id(), "completed").status() == "completed");
  auto lines = ok(c.task_run_logs(run.id()));
  BOOST_TEST(std::any_of(lines.items().begin(), lines.items().end(), [](const auto& line) {
    return line.stream() == "stdout" && line.line() == "hello";
  }));
  auto batch = ok(c.start_task_batch(
      from_json<v1::TaskBatchRequest>(R"({"runs": [{"taskId": "echo"}, {"taskId": "echo"}]})")));
  BOOST_TEST_REQUIRE(batch.runs_size() == 2);
  BOOST_TEST(batch.runs(1).batch_id().value() == batch.batch_id());
  for (const auto& queued : batch.runs())
    BOOST_TEST(wait_run(c, queued.id(), "completed").status() == "completed");
  auto runs = ok(c.list_task_runs({{"taskId", "echo"}, {"status", "completed"}}));
  BOOST_TEST(runs.items_size() == 3);
  auto figures = ok(c.task_metrics("echo"));
  BOOST_TEST(figures.runs().total() == 3);
  BOOST_TEST(figures.runs().completed() == 3);
  BOOST_TEST(figures.success_rate().value() == 1.0);
  auto queues = ok(c.task_queues());
  BOOST_TEST(queues.workers() > 0);
  BOOST_TEST(queues.capacity().count("cpu") == 1u);

  auto yearly = from_json<v1::ScheduleSpec>(R"({"cron": "0 0 1 1 *", "timezone": "UTC"})");
  auto scheduled = ok(c.put_schedule("echo", yearly));
  BOOST_TEST(scheduled.task_id() == "echo");
  BOOST_TEST(scheduled.cron() == "0 0 1 1 *");
  BOOST_TEST(scheduled.next_fire_times_size() == 5);
  BOOST_TEST(ok(c.get_schedule("echo")).cron() == "0 0 1 1 *");
  BOOST_TEST(c.delete_schedule("echo").has_value());
  expect_error(c.get_schedule("echo"), 404, "not_found");
  BOOST_TEST(c.delete_task("echo").has_value());
  expect_error(c.get_task("echo"), 404, "not_found");
  expect_error(c.create_task(from_json<v1::TaskDefinition>(R"({"id": "x", "name": "x"})")), 422,
               "invalid_definition");

  BOOST_TEST_REQUIRE(c.create_task(from_json<v1::TaskDefinition>(R"({"id": "ext", "name": "ext",
    "type": "external", "queue": "outside",
    "retryPolicy": {"maxAttempts": 2, "initialIntervalSeconds": 0.05}})"))
                         .has_value());
  auto claim = [&] {
    auto claimed = ok(c.claim(
        "outside", from_json<v1::ClaimRequest>(R"({"workerId": "w1", "waitSeconds": 10})")));
    BOOST_TEST_REQUIRE(claimed.items_size() == 1);
    return claimed.items(0);
  };
  auto outside = ok(c.start_task_run("ext", from_json<v1::StartTaskRunRequest>(R"({"input": 1})")));
  auto first = claim();
  BOOST_TEST(first.run_id() == outside.id());
  BOOST_TEST(first.attempt() == 1);
  v1::HeartbeatRequest beat;
  beat.set_lease_id(first.lease_id());
  auto beaten = ok(c.heartbeat(outside.id(), beat));
  BOOST_TEST(beaten.worker().value() == "w1");
  BOOST_TEST(beaten.status() == "running");
  v1::FailRequest failure;
  failure.set_lease_id(first.lease_id());
  failure.mutable_error()->set_type("upstream");
  BOOST_TEST(ok(c.fail_run(outside.id(), failure)).id() == outside.id());
  auto second = claim();  // retried per the policy
  BOOST_TEST(second.run_id() == outside.id());
  BOOST_TEST(second.attempt() == 2);
  expect_error(c.heartbeat(outside.id(), beat), 409, "conflict");  // the first lease is stale
  auto finished = from_json<v1::CompleteRequest>(R"({"output": {"ok": true}})");
  finished.set_lease_id(second.lease_id());
  BOOST_TEST(ok(c.complete(outside.id(), finished)).id() == outside.id());
  auto ended = wait_run(c, outside.id(), "completed");
  BOOST_TEST(ended.attempts() == 2);
  BOOST_TEST(ended.output().struct_value().fields().at("ok").bool_value());
  expect_error(c.cancel_task_run(outside.id()), 409, "conflict");  // ended already

  auto waiting = ok(c.start_task_run("ext", {}));  // nobody claims it
  BOOST_TEST(ok(c.cancel_task_run(waiting.id())).id() == waiting.id());
  BOOST_TEST(wait_run(c, waiting.id(), "cancelled").status() == "cancelled");
  auto again = ok(c.retry_task_run(waiting.id()));
  BOOST_TEST(again.id() != waiting.id());
  BOOST_TEST(again.retry_of().value() == waiting.id());
  BOOST_TEST(again.status() == "queued");
}

BOOST_AUTO_TEST_CASE(node_calls_describe_the_cluster_shards_supervision_and_health) {
  auto cluster = ok(c.cluster());
  const auto& self = cluster.value.self();
  BOOST_TEST(!self.empty());
  BOOST_TEST(cluster.node == self);
  BOOST_TEST(cluster.value.shards() > 0);
  BOOST_TEST_REQUIRE(cluster.value.nodes_size() == 1);
  BOOST_TEST(cluster.value.nodes(0).name() == self);
  BOOST_TEST(cluster.value.nodes(0).status() == "up");
  auto shards = ok(c.shards());
  BOOST_TEST(shards.items_size() == cluster.value.shards());
  for (const auto& lease : shards.items()) BOOST_TEST(lease.owner().value() == self);
  auto tree = ok(c.supervision());
  BOOST_TEST(tree.kind() == "supervisor");
  BOOST_TEST(tree.status() == "running");
  BOOST_TEST(tree.children_size() > 0);
  auto health = ok(c.health());
  BOOST_TEST(health.subsystems().http().status() == "ok");
  BOOST_TEST(health.subsystems().supervision().status() == "ok");
  // A route without a body refuses a Protobuf body (415), as over HTTP.
  v1::ApiCall call;
  call.set_operation("getCluster");
  call.set_body("x");
  auto refused = ok(c.call(call, true));
  BOOST_TEST(refused.status() == 415);
  v1::Error error;
  BOOST_TEST_REQUIRE(error.ParseFromString(refused.body()));
  BOOST_TEST(error.error().code() == "unsupported_media_type");
}

BOOST_AUTO_TEST_SUITE_END()
