// Every typed call of tasks, schedules, external workers and the node, against a real node:
// each answer is checked for its content, and each service answers at least one error value
// with REST's status and code.

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

}  // namespace

BOOST_FIXTURE_TEST_SUITE(client_task_calls, api_node)

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
