// The pool of a real node: resources never over capacity, concurrency keys, a resource the
// pool lacks, and runs queued or running when the node is killed (kill -9) finish after a
// restart.

#include <algorithm>
#include <csignal>

#include <boost/test/unit_test.hpp>

#include "tests/support/tasks_node.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

json sleeper(const std::string& id, double seconds, json extra = json::object()) {
  json task{{"id", id},
            {"name", id},
            {"type", "shell"},
            {"config", {{"command", {"sh", "-c", "sleep " + std::to_string(seconds)}}}}};
  task.update(extra);
  return task;
}

/// [startedAt, completedAt] of each run.
std::vector<std::pair<std::int64_t, std::int64_t>> spans(auraos::test::tasks_node& node,
                                                         const std::vector<std::string>& ids) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& id : ids) {
    auto run = node.wait_run(id, {"completed", "failed", "cancelled"}, 60s);
    BOOST_TEST_REQUIRE(run["status"] == "completed", run.dump());
    out.emplace_back(auraos::test::ms_of(run["startedAt"]), auraos::test::ms_of(run["completedAt"]));
  }
  return out;
}

/// The most spans overlapping at any instant.
std::size_t most_at_once(std::vector<std::pair<std::int64_t, std::int64_t>> s) {
  std::vector<std::pair<std::int64_t, int>> edges;
  for (auto [a, b] : s) {
    edges.emplace_back(a, 1);
    edges.emplace_back(b, -1);
  }
  std::sort(edges.begin(), edges.end());  // an end before a start at the same ms
  int now = 0, most = 0;
  for (auto [t, d] : edges) most = std::max(most, now += d);
  return static_cast<std::size_t>(most);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tasks_pool)

BOOST_AUTO_TEST_CASE(a_custom_resource_is_never_over_capacity_and_a_missing_one_fails) {
  auraos::test::temp_dir data;
  auraos::test::tasks_node node{data, {{"pool", {{"capacity", {{"licenses", 2}}}, {"workers", 8}}}}};
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  BOOST_TEST_REQUIRE(node.create(sleeper("licensed", 0.3, {{"resources", {{"licenses", 1}}}})).status == 201);
  BOOST_TEST_REQUIRE(node.create(sleeper("gpu", 0.1, {{"resources", {{"gpu", 1}}}})).status == 201);
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(node.start("licensed")["id"]);
  auto queues = node.call("GET", "/api/v1/task-queues");
  BOOST_TEST(queues.status == 200, queues.body);
  BOOST_TEST(queues.json["capacity"]["licenses"] == 2.0, queues.body);
  BOOST_TEST(most_at_once(spans(node, ids)) <= 2u);
  auto gpu = node.wait_run(node.start("gpu")["id"], {"failed", "completed"});
  BOOST_TEST(gpu["status"] == "failed", gpu.dump());
  BOOST_TEST(gpu["error"]["type"] == "unrunnable", gpu.dump());
}

BOOST_AUTO_TEST_CASE(runs_of_one_concurrency_key_never_overlap_others_do) {
  auraos::test::temp_dir data;
  auraos::test::tasks_node node{data};
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
  BOOST_TEST_REQUIRE(
      node.create(sleeper("per-customer", 0.4,
                          {{"concurrency", {{"limit", 1}, {"key", "${input.customer}"}}}}))
          .status == 201);
  std::vector<std::string> same, other;
  for (int i = 0; i < 3; ++i) same.push_back(node.start("per-customer", {{"customer", "a"}})["id"]);
  other.push_back(node.start("per-customer", {{"customer", "b"}})["id"]);
  auto a = spans(node, same);
  BOOST_TEST(most_at_once(a) == 1u);
  auto b = spans(node, other);
  // b did not wait behind a's queue: it started before a's last run.
  BOOST_TEST(b[0].first < std::max_element(a.begin(), a.end())->first);
}

BOOST_AUTO_TEST_CASE(queued_and_running_runs_finish_after_a_kill_9) {
  auraos::test::temp_dir data;
  json config{{"pool", {{"workers", 1}}}};
  std::vector<std::string> ids;
  {
    auraos::test::tasks_node node{data, config};
    BOOST_TEST_REQUIRE(auraos::test::wait_ready(node.port, 30s));
    BOOST_TEST_REQUIRE(node.create(sleeper("steady", 1.0)).status == 201);
    for (int i = 0; i < 3; ++i) ids.push_back(node.start("steady")["id"]);
    BOOST_TEST_REQUIRE(node.wait_run(ids[0], {"running"})["status"] == "running");
    node.process.signal(SIGKILL);
    node.process.wait_exit(10s);
  }
  auraos::test::tasks_node again{data, config};
  BOOST_TEST_REQUIRE(auraos::test::wait_ready(again.port, 30s));
  for (const auto& id : ids) {
    auto run = again.wait_run(id, {"completed", "failed"}, 60s);
    BOOST_TEST(run["status"] == "completed", run.dump());
    BOOST_TEST(run["attempts"] == 1, run.dump());
  }
  auto logs = again.call("GET", "/api/v1/task-executions/" + ids[0] + "/logs");
  BOOST_TEST(logs.body.find("interrupted") != std::string::npos, logs.body);
}

BOOST_AUTO_TEST_SUITE_END()
