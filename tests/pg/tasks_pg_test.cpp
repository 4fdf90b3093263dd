// The task service on PostgreSQL (`auraos serve --db postgresql://...` on a throwaway server):
// definitions, runs, idempotency keys, batches, an external worker, a schedule, and runs that
// survive a kill -9 of the node.

#include <csignal>

#include <boost/test/unit_test.hpp>

#include "tests/support/pg_server.hpp"
#include "tests/support/tasks_node.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(tasks_pg)

BOOST_AUTO_TEST_CASE(tasks_run_schedule_and_recover_on_postgresql) {
  auto server = auraos::test::pg_server::launch();
  BOOST_TEST_REQUIRE(server.has_value(), (server ? "" : server.error()));
  auraos::test::temp_dir data;
  std::vector<std::string> db{"--db", (*server)->url()};
  json config{{"pool", {{"workers", 1}}}};
  std::vector<std::string> slow;
  {
    auraos::test::tasks_node node{data, config, db};
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
    BOOST_TEST_REQUIRE(node.create({{"id", "t"}, {"name", "t"}, {"type", "transform"},
                                    {"config", {{"output", {{"v", "${input.n}"}}}}}})
                           .status == 201);
    auto first = node.call("POST", "/api/v1/tasks/t/executions", R"({"input": {"n": 1}})",
                           {{"Idempotency-Key", "once"}});
    BOOST_TEST_REQUIRE(first.status == 202, first.body);
    auto again = node.call("POST", "/api/v1/tasks/t/executions", R"({"input": {"n": 2}})",
                           {{"Idempotency-Key", "once"}});
    BOOST_TEST(again.json["id"] == first.json["id"]);
    BOOST_TEST(node.wait_run(first.json["id"], {"completed"})["output"]["v"] == 1);
    BOOST_TEST_REQUIRE(node.create({{"id", "after"}, {"name", "after"}, {"type", "transform"},
                                    {"config", {{"output", "done"}}},
                                    {"dependencies", {{{"taskId", "t"}}}}})
                           .status == 201);
    auto batch = node.call("POST", "/api/v1/task-batches",
                           R"({"runs": [{"taskId": "after"}, {"taskId": "t", "input": {"n": 3}}]})");
    BOOST_TEST_REQUIRE(batch.status == 202, batch.body);
    BOOST_TEST(node.wait_run(batch.json["runs"][0]["id"], {"completed"})["status"] == "completed");
    BOOST_TEST_REQUIRE(node.create({{"id", "ext"}, {"name", "ext"}, {"type", "external"}}).status == 201);
    auto ext = node.start("ext");
    auto claim = node.call("POST", "/api/v1/task-queues/default/claim",
                           R"({"workerId": "py", "waitSeconds": 5})");
    BOOST_TEST_REQUIRE(claim.json["items"].size() == 1u, claim.body);
    BOOST_TEST(node.call("POST", "/api/v1/task-executions/" + ext["id"].get<std::string>() + "/complete",
                         json{{"leaseId", claim.json["items"][0]["leaseId"]}, {"output", 7}}.dump())
                   .status == 202);
    BOOST_TEST(node.wait_run(ext["id"], {"completed"})["output"] == 7);
    BOOST_TEST(node.call("PUT", "/api/v1/tasks/t/schedule", R"({"every": 1, "input": {"n": 0}})")
                   .status == 200);
    BOOST_TEST(auraos::test::wait_until(
        [&] {
          auto runs = node.call("GET", "/api/v1/task-executions?taskId=t&status=completed");
          return runs.json["items"].size() >= 4u;
        },
        20s));
    BOOST_TEST(node.call("DELETE", "/api/v1/tasks/t/schedule").status == 204);
    BOOST_TEST_REQUIRE(node.create({{"id", "slow"}, {"name", "slow"}, {"type", "shell"},
                                    {"config", {{"command", {"sleep", "1"}}}}})
                           .status == 201);
    for (int i = 0; i < 3; ++i) slow.push_back(node.start("slow")["id"]);
    BOOST_TEST_REQUIRE(node.wait_run(slow[0], {"running"})["status"] == "running");
    node.process.signal(SIGKILL);
    node.process.wait_exit(10s);
  }
  auraos::test::tasks_node again{data, config, db};
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(again.port, 30s));
  for (const auto& id : slow)
    BOOST_TEST(again.wait_run(id, {"completed", "failed"}, 60s)["status"] == "completed");
}

BOOST_AUTO_TEST_SUITE_END()
