// External workers against a real node: long-poll claims, heartbeats, completion, failure,
// stale leases (409) and a lease that expires (the attempt fails `lease_expired` and is retried).

#include <future>

#include <boost/test/unit_test.hpp>

#include "tests/support/tasks_node.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct node_fixture {
  auraos::test::temp_dir data;
  auraos::test::tasks_node node{data};
  node_fixture() {
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
    json task{{"id", "ext"}, {"name", "ext"}, {"type", "external"}, {"queue", "outside"},
              {"config", {{"heartbeatSeconds", 1}}},
              {"retryPolicy", {{"maxAttempts", 2}, {"initialIntervalSeconds", 0.05}}}};
    BOOST_TEST_REQUIRE(node.create(task).status == 201);
  }

  json claim(double wait = 0, int max = 1) {
    auto reply = node.call("POST", "/api/v1/task-queues/outside/claim",
                           json{{"workerId", "w1"}, {"max", max}, {"waitSeconds", wait}}.dump());
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    return reply.json["items"];
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tasks_workers, node_fixture)

BOOST_AUTO_TEST_CASE(a_worker_claims_heartbeats_and_completes_a_run) {
  BOOST_TEST(claim().empty());
  auto run = node.start("ext", {{"x", 1}});
  auto items = claim(5);
  BOOST_TEST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0]["runId"] == run["id"]);
  BOOST_TEST(items[0]["input"]["x"] == 1);
  BOOST_TEST(items[0]["attempt"] == 1);
  std::string id = run["id"], lease = items[0]["leaseId"];
  BOOST_TEST(node.run(id)["status"] == "running");
  BOOST_TEST(node.run(id)["worker"] == "w1");
  auto beat = node.call("POST", "/api/v1/task-executions/" + id + "/heartbeat",
                        json{{"leaseId", lease}}.dump());
  BOOST_TEST(beat.status == 200, beat.body);
  BOOST_TEST(node.call("POST", "/api/v1/task-executions/" + id + "/heartbeat",
                       json{{"leaseId", "stale"}}.dump())
                 .status == 409);
  auto done = node.call("POST", "/api/v1/task-executions/" + id + "/complete",
                        json{{"leaseId", lease}, {"output", {{"ok", true}}}}.dump());
  BOOST_TEST(done.status == 202, done.body);
  auto ended = node.wait_run(id, {"completed"});
  BOOST_TEST(ended["output"]["ok"] == true, ended.dump());
  BOOST_TEST(node.call("POST", "/api/v1/task-executions/" + id + "/complete",
                       json{{"leaseId", lease}}.dump())
                 .status == 409);
}

BOOST_AUTO_TEST_CASE(a_long_poll_returns_as_soon_as_a_run_is_queued) {
  auto waiting = std::async(std::launch::async, [this] { return claim(20); });
  BOOST_TEST_REQUIRE(waiting.wait_for(300ms) == std::future_status::timeout);
  auto begun = std::chrono::steady_clock::now();
  auto run = node.start("ext");
  BOOST_TEST_REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
  auto items = waiting.get();
  BOOST_TEST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0]["runId"] == run["id"]);
  BOOST_TEST(std::chrono::steady_clock::now() - begun < 5s);
}

BOOST_AUTO_TEST_CASE(a_failure_and_an_expired_lease_are_retried_per_policy) {
  auto run = node.start("ext");
  std::string id = run["id"];
  auto first = claim(5);
  BOOST_TEST_REQUIRE(first.size() == 1u);
  auto failed = node.call("POST", "/api/v1/task-executions/" + id + "/fail",
                          json{{"leaseId", first[0]["leaseId"]},
                               {"error", {{"type", "upstream"}, {"message", "it broke"}}}}
                              .dump());
  BOOST_TEST(failed.status == 202, failed.body);
  auto second = claim(10);
  BOOST_TEST_REQUIRE(second.size() == 1u);
  BOOST_TEST(second[0]["attempt"] == 2);
  // No heartbeat: the 1 s lease expires and the last attempt fails.
  auto ended = node.wait_run(id, {"failed", "completed"}, 15s);
  BOOST_TEST(ended["status"] == "failed", ended.dump());
  BOOST_TEST(ended["error"]["type"] == "lease_expired", ended.dump());
  BOOST_TEST(node.call("POST", "/api/v1/task-queues/outside/claim", "{}").status == 400);
  BOOST_TEST(node.call("POST", "/api/v1/task-queues/outside/claim",
                       R"({"workerId": "w", "waitSeconds": 61})")
                 .status == 400);
  BOOST_TEST(node.call("POST", "/api/v1/task-executions/" + id + "/fail", R"({"leaseId": "x"})")
                 .status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
