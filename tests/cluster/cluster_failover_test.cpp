// Failover with real nodes (spec/cluster.md): a node killed with kill -9 under load loses no
// execution and re-runs no completed node; a node paused past its lease is fenced and writes
// nothing after it resumes, then rejoins as a new incarnation.
#include <boost/test/unit_test.hpp>

#include "tests/cluster/cluster_fixture.hpp"

namespace {

using namespace auraos::test;
using nlohmann::json;
using std::chrono::seconds;

/// Checks the stored history of a completed execution: the shell node's attempts each have a
/// distinct number, a second start of an attempt comes only after an attempt_interrupted, and
/// the node completed exactly once.
void check_history(cluster_member& m, const std::string& id) {
  auto history = m.call("GET", "/api/v1/executions/" + id + "/history?limit=1000").json;
  std::map<std::int64_t, int> started;  // by attempt number
  int interrupted = 0;
  int completed = 0;
  for (const auto& r : history["items"]) {
    if (r.value("nodeId", "") != "run") continue;
    auto kind = r.value("kind", "");
    auto attempt = r.value("attempt", std::int64_t{0});
    if (kind == "attempt_started") {
      ++started[attempt];
      BOOST_TEST(started[attempt] <= interrupted + 1,
                 id << ": attempt " << attempt << " started again without an interruption");
    }
    if (kind == "attempt_interrupted") ++interrupted;
    if (kind == "attempt_completed") ++completed;
  }
  for (const auto& [attempt, times] : started)
    BOOST_TEST(times <= 2, id << ": attempt " << attempt << " started " << times << " times");
  BOOST_TEST(completed == 1, id << ": the shell node completed " << completed << " times");
}

}  // namespace

BOOST_AUTO_TEST_CASE(kill_9_of_a_node_under_load_loses_no_execution) {
  cluster_fixture c;
  auto& n1 = c.start("n1");
  auto& n2 = c.start("n2");
  auto& n3 = c.start("n3");
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2", "n3"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 1)).status, 201);
  std::vector<cluster_member*> members{&n1, &n2, &n3};
  std::vector<std::string> ids;
  const int total = 600;
  for (int i = 0; i < total; ++i) {
    if (i == total / 2) n3.process->signal(SIGKILL);  // mid-way: a third of the work is on n3
    auto* m = members[static_cast<std::size_t>(i) % (i >= total / 2 ? 2 : 3)];
    auto reply = m->call("POST", "/api/v1/workflows/w/executions",
                         json{{"input", {{"seconds", 1 + i % 3}}}}.dump());
    BOOST_REQUIRE_MESSAGE(reply.status == 202, reply.body);
    ids.push_back(reply.json["id"]);
  }
  n3.process->wait_exit(seconds(10));
  int done = 0;
  for (const auto& id : ids) {
    bool ok = n1.wait_status(id, "completed", seconds(60));
    BOOST_TEST(ok, id << " did not complete");
    done += ok ? 1 : 0;
  }
  BOOST_TEST(done == total);
  for (const auto& id : ids) check_history(n2, id);
  BOOST_TEST(c.wait_spread(n1, {"n1", "n2"}));
}

BOOST_AUTO_TEST_CASE(a_node_paused_past_its_lease_is_fenced_and_rejoins) {
  cluster_fixture c;
  auto& n1 = c.start("n1");
  auto& n2 = c.start("n2");
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 3)).status, 201);
  std::vector<std::string> ids;
  for (int i = 0; i < 10; ++i) {
    auto reply =
        n2.call("POST", "/api/v1/workflows/w/executions", json{{"input", {{"seconds", 3}}}}.dump());
    BOOST_REQUIRE_EQUAL(reply.status, 202);
    ids.push_back(reply.json["id"]);
  }
  n2.process->signal(SIGSTOP);
  // n1 takes n2's shards once their leases expire (2 s) and runs n2's executions.
  BOOST_REQUIRE(c.wait_spread(n1, {"n1"}, seconds(10)));
  for (const auto& id : ids) BOOST_TEST(n1.wait_status(id, "completed"));
  n2.process->signal(SIGCONT);
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2"}, seconds(20)));
  for (const auto& id : ids) check_history(n1, id);
  auto view = c.overview(n1);
  for (const auto& node : view["nodes"])
    if (node["name"] == "n2") BOOST_TEST(node["incarnation"].get<int>() >= 2, view.dump());
  BOOST_TEST(n2.process->err().find("lost") != std::string::npos, n2.process->err());
}

BOOST_AUTO_TEST_CASE(children_on_another_node_than_their_parent_report_their_end) {
  cluster_fixture c;
  auto& n1 = c.start("n1");
  auto& n2 = c.start("n2");
  c.start("n3");
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2", "n3"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 3)).status, 201);
  auto parent = json{{"id", "parent"},
                     {"name", "parent"},
                     {"nodes",
                      {{{"id", "child"},
                        {"type", "subworkflow"},
                        {"config", {{"workflowId", "w"}, {"input", {{"seconds", 3}}}}}}}},
                     {"output", "${nodes.child.output}"}};
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", parent.dump()).status, 201);
  // Parents and children start on n2; its graceful stop spreads their shards over n1 and n3,
  // so about half of the children end on another node than their parent.
  std::vector<std::string> ids;
  for (int i = 0; i < 12; ++i) {
    auto reply = n2.call("POST", "/api/v1/workflows/parent/executions");
    BOOST_REQUIRE_MESSAGE(reply.status == 202, reply.body);
    ids.push_back(reply.json["id"]);
  }
  n2.process->signal(SIGTERM);
  BOOST_TEST(n2.process->wait_exit(seconds(20)) == 0);
  for (const auto& id : ids) BOOST_TEST(n1.wait_status(id, "completed", seconds(30)), id);
}
