// The task REST API against a real node (docs/tasks.md): definitions, runs of every pool type,
// idempotency keys, retries, timeouts, cancel, retry, batches with dependencies, logs, metrics,
// the task node of a workflow, and bad input.

#include <boost/test/unit_test.hpp>

#include "tests/support/tasks_node.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

json shell_task(const std::string& id, const std::string& command, json extra = json::object()) {
  json task{{"id", id}, {"name", id}, {"type", "shell"},
            {"config", {{"command", {"sh", "-c", command}}}}};
  task.update(extra);
  return task;
}

struct node_fixture {
  auraos::test::temp_dir data;
  auraos::test::tasks_node node{data};
  node_fixture() { BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s)); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tasks_api, node_fixture)

BOOST_AUTO_TEST_CASE(definitions_are_created_listed_replaced_and_deleted) {
  auto created = node.create(shell_task("report", "echo hi", {{"tags", {"reports"}}, {"priority", 5}}));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  BOOST_TEST(created.json["id"] == "report");
  BOOST_TEST(created.json["queue"] == "default");
  BOOST_TEST(created.json["priority"] == 5);
  BOOST_TEST(node.create(shell_task("report", "echo again")).status == 409);
  BOOST_TEST_REQUIRE(node.create({{"id", "t2"}, {"name", "t2"}, {"type", "transform"},
                                  {"config", {{"output", "${input}"}}}}).status == 201);
  auto listed = node.call("GET", "/api/v1/tasks?type=shell");
  BOOST_TEST(listed.status == 200);
  BOOST_TEST(listed.json["items"].size() == 1u);
  BOOST_TEST(node.call("GET", "/api/v1/tasks?tag=reports").json["items"][0]["id"] == "report");
  BOOST_TEST(node.call("GET", "/api/v1/tasks").json["items"].size() == 2u);
  auto replaced = node.call("PUT", "/api/v1/tasks/report", shell_task("report", "echo new").dump());
  BOOST_TEST(replaced.status == 200, replaced.body);
  BOOST_TEST(node.call("GET", "/api/v1/tasks/report").json["config"]["command"][2] == "echo new");
  BOOST_TEST(node.call("PUT", "/api/v1/tasks/none", shell_task("none", "true").dump()).status == 404);
  BOOST_TEST(node.call("DELETE", "/api/v1/tasks/report").status == 204);
  BOOST_TEST(node.call("GET", "/api/v1/tasks/report").status == 404);
  BOOST_TEST(node.call("DELETE", "/api/v1/tasks/report").status == 404);
}

BOOST_AUTO_TEST_CASE(bad_definitions_and_bodies_are_refused_with_their_place) {
  auto invalid = node.create({{"id", "x"}, {"name", "x"}, {"type", "shell"},
                              {"config", json::object()}, {"priority", "high"}});
  BOOST_TEST(invalid.status == 422, invalid.body);
  BOOST_TEST(invalid.json["error"]["code"] == "invalid_definition");
  BOOST_TEST(invalid.json["error"]["details"].size() >= 2u, invalid.body);
  BOOST_TEST(node.call("POST", "/api/v1/tasks", "{\"id\": ").status == 400);
  BOOST_TEST(node.call("POST", "/api/v1/tasks", "\xff\xfe").status == 400);
  BOOST_TEST(node.call("GET", "/api/v1/tasks?type=robot").status == 400);
  BOOST_TEST(node.call("GET", "/api/v1/task-executions?status=weird").status == 400);
  BOOST_TEST(node.call("GET", "/api/v1/task-executions/nope").status == 404);
  BOOST_TEST(node.call("POST", "/api/v1/tasks/nope/executions", "{}").status == 404);
  BOOST_TEST(node.call("POST", "/api/v1/task-executions/nope/cancel").status == 404);
  auto cycle_a = node.create(shell_task("a", "true"));
  BOOST_TEST_REQUIRE(cycle_a.status == 201);
  BOOST_TEST_REQUIRE(node.create(shell_task("b", "true", {{"dependencies", {{{"taskId", "a"}}}}}))
                         .status == 201);
  auto cycle = node.call("PUT", "/api/v1/tasks/a",
                         shell_task("a", "true", {{"dependencies", {{{"taskId", "b"}}}}}).dump());
  BOOST_TEST(cycle.status == 422, cycle.body);
  BOOST_TEST(cycle.body.find("cycle") != std::string::npos, cycle.body);
  auto unknown = node.create(shell_task("c", "true", {{"dependencies", {{{"taskId", "zzz"}}}}}));
  BOOST_TEST(unknown.status == 422, unknown.body);
  BOOST_TEST(node.call("POST", "/api/v1/tasks/a/executions", "{\"inputs\": 1}").status == 400);
  BOOST_TEST(node.call("POST", "/api/v1/task-batches", "{\"runs\": []}").status == 400);
  BOOST_TEST(node.call("POST", "/api/v1/task-batches", R"({"runs": [{"taskId": "zzz"}]})").status ==
             422);
}

BOOST_AUTO_TEST_CASE(a_shell_run_completes_with_its_output_logs_and_metrics) {
  BOOST_TEST_REQUIRE(node.create(shell_task("hello", "echo \"hi $AURAOS_ATTEMPT\"; echo oops >&2",
                                            {{"resources", {{"cpu", 0.5}}}}))
                         .status == 201);
  auto run = node.start("hello", {{"who", "me"}});
  BOOST_TEST(run["status"] == "queued");
  auto done = node.wait_run(run["id"], {"completed", "failed"});
  BOOST_TEST_REQUIRE(done["status"] == "completed", done.dump());
  BOOST_TEST(done["output"]["stdout"] == "hi 1\n");
  BOOST_TEST(done["attempts"] == 1);
  BOOST_TEST(done["input"]["who"] == "me");
  BOOST_TEST(done["resourceAllocation"]["cpu"] == 0.5);
  BOOST_TEST(done["startedAt"].is_string());
  BOOST_TEST(done["completedAt"].is_string());
  auto logs = node.call("GET", "/api/v1/task-executions/" + done["id"].get<std::string>() + "/logs");
  BOOST_TEST_REQUIRE(logs.status == 200, logs.body);
  bool out = false, err = false;
  for (const auto& line : logs.json["items"]) {
    out = out || (line["stream"] == "stdout" && line["line"] == "hi 1");
    err = err || (line["stream"] == "stderr" && line["line"] == "oops");
  }
  BOOST_TEST(out, logs.body);
  BOOST_TEST(err, logs.body);
  auto metrics = node.call("GET", "/api/v1/tasks/hello/metrics");
  BOOST_TEST(metrics.status == 200, metrics.body);
  BOOST_TEST(metrics.json["runs"]["completed"] == 1);
  BOOST_TEST(metrics.json["successRate"] == 1.0);
  BOOST_TEST(metrics.json["durationMs"]["p50"].is_number());
  BOOST_TEST(node.call("GET", "/api/v1/tasks/none/metrics").status == 404);
  auto listed = node.call("GET", "/api/v1/task-executions?taskId=hello&status=completed");
  BOOST_TEST(listed.json["items"].size() == 1u, listed.body);
}

BOOST_AUTO_TEST_CASE(an_idempotency_key_answers_the_first_run) {
  BOOST_TEST_REQUIRE(node.create({{"id", "t"}, {"name", "t"}, {"type", "transform"},
                                  {"config", {{"output", {{"twice", "${input.n * 2}"}}}}}})
                         .status == 201);
  auto first = node.call("POST", "/api/v1/tasks/t/executions", R"({"input": {"n": 21}})",
                         {{"Idempotency-Key", "k-1"}});
  BOOST_TEST_REQUIRE(first.status == 202, first.body);
  auto again = node.call("POST", "/api/v1/tasks/t/executions", R"({"input": {"n": 1}})",
                         {{"Idempotency-Key", "k-1"}});
  BOOST_TEST(again.status == 200, again.body);
  BOOST_TEST(again.json["id"] == first.json["id"]);
  auto done = node.wait_run(first.json["id"], {"completed"});
  BOOST_TEST(done["output"]["twice"] == 42, done.dump());
}

BOOST_AUTO_TEST_CASE(failures_are_retried_per_policy_then_fail_and_can_be_retried) {
  BOOST_TEST_REQUIRE(
      node.create(shell_task("flaky", "exit 3",
                             {{"retryPolicy", {{"maxAttempts", 3}, {"initialIntervalSeconds", 0.05}}}}))
          .status == 201);
  auto run = node.start("flaky");
  auto done = node.wait_run(run["id"], {"failed", "completed"});
  BOOST_TEST(done["status"] == "failed", done.dump());
  BOOST_TEST(done["attempts"] == 3);
  BOOST_TEST(done["error"]["type"] == "exit_code");
  auto retried = node.call("POST", "/api/v1/task-executions/" + run["id"].get<std::string>() + "/retry");
  BOOST_TEST_REQUIRE(retried.status == 202, retried.body);
  BOOST_TEST(retried.json["retryOf"] == run["id"]);
  BOOST_TEST(retried.json["id"] != run["id"]);
  BOOST_TEST(node.wait_run(retried.json["id"], {"failed"})["status"] == "failed");
}

BOOST_AUTO_TEST_CASE(an_attempt_over_its_timeout_ends_timed_out) {
  BOOST_TEST_REQUIRE(node.create(shell_task("slow", "sleep 20", {{"timeout", 0.3}})).status == 201);
  auto run = node.start("slow");
  auto done = node.wait_run(run["id"], {"timed_out", "failed", "completed"});
  BOOST_TEST(done["status"] == "timed_out", done.dump());
  BOOST_TEST(done["error"]["type"] == "timeout");
}

BOOST_AUTO_TEST_CASE(a_running_run_is_cancelled_and_an_ended_one_is_a_conflict) {
  BOOST_TEST_REQUIRE(node.create(shell_task("long", "sleep 30")).status == 201);
  auto run = node.start("long");
  std::string id = run["id"];
  BOOST_TEST_REQUIRE(node.wait_run(id, {"running"})["status"] == "running");
  BOOST_TEST(node.call("POST", "/api/v1/task-executions/" + id + "/cancel").status == 202);
  auto done = node.wait_run(id, {"cancelled"}, 15s);
  BOOST_TEST(done["status"] == "cancelled", done.dump());
  BOOST_TEST(node.call("POST", "/api/v1/task-executions/" + id + "/cancel").status == 409);
  BOOST_TEST(node.call("POST", "/api/v1/task-executions/" + id + "/retry").status == 202);
}

BOOST_AUTO_TEST_CASE(a_queued_run_is_cancelled_at_once_and_answered_as_stored) {
  json task = {{"id", "waits"}, {"name", "waits"}, {"type", "external"}, {"queue", "nobody"},
               {"config", {{"heartbeatSeconds", 600}}}};
  BOOST_TEST_REQUIRE(node.create(task).status == 201);
  std::string id = node.start("waits")["id"];
  auto cancelled = node.call("POST", "/api/v1/task-executions/" + id + "/cancel");
  BOOST_TEST_REQUIRE(cancelled.status == 202, cancelled.body);
  BOOST_TEST(cancelled.json["status"] == "cancelled");
  BOOST_TEST(!cancelled.json["completedAt"].is_null(), cancelled.body);
  BOOST_TEST(cancelled.json["error"]["type"] == "cancelled", cancelled.body);
  auto stored = node.call("GET", "/api/v1/task-executions/" + id);
  BOOST_TEST(stored.json == cancelled.json);
}

BOOST_AUTO_TEST_CASE(a_batch_waits_for_its_dependencies_and_a_failed_one_blocks) {
  auto extract_task = node.create(shell_task("extract", "sleep 0.3; echo $AURAOS_EXECUTION_ID"));
  BOOST_TEST_REQUIRE(extract_task.status == 201, extract_task.body);
  BOOST_TEST_REQUIRE(node.create(shell_task("load", "true", {{"dependencies", {{{"taskId", "extract"}}}}}))
                         .status == 201);
  BOOST_TEST_REQUIRE(node.create(shell_task("broken", "exit 1")).status == 201);
  BOOST_TEST_REQUIRE(node.create(shell_task("after", "true", {{"dependencies",
                                                                {{{"taskId", "broken"}}}}}))
                         .status == 201);
  BOOST_TEST_REQUIRE(node.create(shell_task("anyway", "true", {{"dependencies",
                                                                 {{{"taskId", "broken"},
                                                                   {"condition", "completion"}}}}}))
                         .status == 201);
  auto batch = node.call("POST", "/api/v1/task-batches",
                         R"({"runs": [{"taskId": "load"}, {"taskId": "extract"}]})");
  BOOST_TEST_REQUIRE(batch.status == 202, batch.body);
  auto load = node.wait_run(batch.json["runs"][0]["id"], {"completed", "failed", "cancelled"});
  auto extract = node.run(batch.json["runs"][1]["id"]);
  BOOST_TEST_REQUIRE(load["status"] == "completed", load.dump());
  BOOST_TEST(auraos::test::ms_of(load["startedAt"]) >= auraos::test::ms_of(extract["completedAt"]));
  auto blocked = node.call("POST", "/api/v1/task-batches",
                           R"({"runs": [{"taskId": "broken"}, {"taskId": "after"}, {"taskId": "anyway"}]})");
  BOOST_TEST_REQUIRE(blocked.status == 202, blocked.body);
  auto after = node.wait_run(blocked.json["runs"][1]["id"], {"completed", "cancelled", "failed"});
  BOOST_TEST(after["status"] == "cancelled", after.dump());
  BOOST_TEST(after["error"]["type"] == "dependency_failed");
  BOOST_TEST(node.wait_run(blocked.json["runs"][2]["id"], {"completed"})["status"] == "completed");
}

BOOST_AUTO_TEST_CASE(a_workflow_task_node_outputs_its_run_output) {
  BOOST_TEST_REQUIRE(node.create({{"id", "double"}, {"name", "double"}, {"type", "transform"},
                                  {"config", {{"output", {{"v", "${input.n * 2}"}}}}}})
                         .status == 201);
  json workflow{{"id", "uses-task"}, {"name", "uses-task"},
                {"nodes", {{{"id", "t"}, {"type", "task"},
                            {"config", {{"taskId", "double"}, {"input", {{"n", "${input.n}"}}}}}}}},
                {"output", "${nodes.t.output}"}};
  BOOST_TEST_REQUIRE(node.call("POST", "/api/v1/workflows", workflow.dump()).status == 201);
  auto started = node.call("POST", "/api/v1/workflows/uses-task/executions", R"({"input": {"n": 4}})");
  BOOST_TEST_REQUIRE(started.status == 202, started.body);
  auto done = auraos::test::wait_execution_status(node.port, started.json["id"], "completed", 30s);
  BOOST_TEST(done["status"] == "completed", done.dump());
  BOOST_TEST(done["output"]["v"] == 8, done.dump());
  auto runs = node.call("GET", "/api/v1/task-executions?taskId=double");
  BOOST_TEST_REQUIRE(runs.json["items"].size() == 1u, runs.body);
  BOOST_TEST(runs.json["items"][0]["executionId"] == started.json["id"]);
}

BOOST_AUTO_TEST_CASE(a_schedule_answers_its_next_fire_times_and_starts_runs) {
  BOOST_TEST_REQUIRE(node.create({{"id", "tick"}, {"name", "tick"}, {"type", "transform"},
                                  {"config", {{"output", "${input}"}}}})
                         .status == 201);
  auto put = node.call("PUT", "/api/v1/tasks/tick/schedule",
                       R"({"every": 1, "input": {"from": "schedule"}})");
  BOOST_TEST_REQUIRE(put.status == 200, put.body);
  BOOST_TEST(put.json["nextFireTimes"].size() == 5u, put.body);
  BOOST_TEST(auraos::test::wait_until(
      [&] {
        auto runs = node.call("GET", "/api/v1/task-executions?taskId=tick&status=completed");
        return runs.json["items"].size() >= 2u;
      },
      15s));
  auto runs = node.call("GET", "/api/v1/task-executions?taskId=tick");
  BOOST_TEST(runs.json["items"][0]["scheduleTime"].is_string(), runs.body);
  BOOST_TEST(runs.json["items"][0]["output"]["from"] == "schedule", runs.body);
  BOOST_TEST(node.call("GET", "/api/v1/tasks/tick/schedule").status == 200);
  BOOST_TEST(node.call("DELETE", "/api/v1/tasks/tick/schedule").status == 204);
  BOOST_TEST(node.call("GET", "/api/v1/tasks/tick/schedule").status == 404);
  BOOST_TEST(node.call("PUT", "/api/v1/tasks/none/schedule", R"({"every": 5})").status == 404);
  auto bad = node.call("PUT", "/api/v1/tasks/tick/schedule", R"({"cron": "0 0 30 2 *"})");
  BOOST_TEST(bad.status == 422, bad.body);
  BOOST_TEST(node.call("PUT", "/api/v1/tasks/tick/schedule", "[").status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
