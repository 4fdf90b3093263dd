// Three real nodes on one throwaway PostgreSQL (spec/cluster.md, "What the tests show"):
// shards spread evenly, any node answers for any execution, a joining node receives shards.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "persistence/shards.hpp"
#include "tests/cluster/cluster_fixture.hpp"
#include "tests/support/sse_client.hpp"

namespace {

using namespace auraos::test;
using nlohmann::json;
using std::chrono::seconds;

/// The owner of every shard, by /api/v1/cluster/shards on `m`.
std::map<std::int64_t, std::string> owners(cluster_member& m) {
  std::map<std::int64_t, std::string> out;
  for (const auto& row : m.call("GET", "/api/v1/cluster/shards").json)
    out[row["shard"].get<std::int64_t>()] =
        row["owner"].is_string() ? row["owner"].get<std::string>() : "";
  return out;
}

std::string start_on(cluster_member& m, const std::string& workflow, double seconds_to_wait) {
  auto reply = m.call("POST", "/api/v1/workflows/" + workflow + "/executions",
                      json{{"input", {{"seconds", seconds_to_wait}}}}.dump());
  BOOST_REQUIRE_MESSAGE(reply.status == 202, reply.body);
  BOOST_TEST(reply.headers["auraos-node"] == m.name, "created where it was asked: " << reply.body);
  return reply.json["id"];
}

}  // namespace

BOOST_AUTO_TEST_CASE(three_nodes_spread_shards_and_each_answers_for_every_execution) {
  cluster_fixture c;
  auto& n1 = c.start("n1");
  auto& n2 = c.start("n2");
  auto& n3 = c.start("n3");
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2", "n3"}));
  BOOST_REQUIRE(c.wait_spread(n3, {"n1", "n2", "n3"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 0.2)).status, 201);

  std::vector<std::string> ids;
  for (auto* m : {&n1, &n2, &n3})
    for (int i = 0; i < 3; ++i) ids.push_back(start_on(*m, "w", 0.2));
  for (const auto& id : ids) {
    std::set<std::string> answered_by;
    for (auto* m : {&n1, &n2, &n3}) {
      auto reply = m->call("GET", "/api/v1/executions/" + id);
      BOOST_TEST(reply.status == 200, reply.body);
      answered_by.insert(reply.headers["auraos-node"]);
    }
    BOOST_TEST(answered_by.size() == 1u, "one owner answers for " << id);
    auto shard_owners = owners(n1);
    BOOST_TEST(answered_by.count(shard_owners[auraos::persistence::shard_of(id)]) == 1u,
               id << " is answered by the owner of its shard");
    BOOST_TEST(n2.wait_status(id, "completed"));
  }
  auto listed = n3.call("GET", "/api/v1/executions?limit=100").json["items"];
  BOOST_TEST(listed.size() == ids.size(), "lists read the shared database");
  auto metrics = n2.call("GET", "/metrics").body;
  BOOST_TEST(metrics.find("auraos_cluster_nodes{status=\"up\"} 3") != std::string::npos, metrics);
  BOOST_TEST(metric_value(n2.http_port, "auraos_shards_owned") >= 21);
  BOOST_TEST(metric_value(n2.http_port, "auraos_shard_moves_total") >= 21);
  BOOST_TEST(metric_value(n2.http_port, "auraos_fenced_writes_total") == 0);
}

BOOST_AUTO_TEST_CASE(a_forwarded_get_pause_and_cancel_answer_as_a_local_one) {
  cluster_fixture c;
  auto& n1 = c.start("n1");
  auto& n2 = c.start("n2");
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2"}));
  BOOST_REQUIRE(c.wait_spread(n2, {"n1", "n2"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 60)).status, 201);
  auto id = start_on(n1, "w", 60);
  auto& other = n2;  // n1 created it in a shard it owns: n2 forwards
  auto local = n1.call("GET", "/api/v1/executions/" + id);
  auto forwarded = other.call("GET", "/api/v1/executions/" + id);
  BOOST_TEST(forwarded.status == local.status);
  BOOST_TEST(forwarded.body == local.body);
  BOOST_TEST(forwarded.headers["auraos-node"] == "n1");

  auto paused = other.call("POST", "/api/v1/executions/" + id + "/pause");
  BOOST_TEST(paused.status == 202, paused.body);
  BOOST_TEST(paused.json["status"] == "paused");
  BOOST_TEST(paused.headers["auraos-node"] == "n1");
  auto again = other.call("POST", "/api/v1/executions/" + id + "/pause");
  auto again_local = n1.call("POST", "/api/v1/executions/" + id + "/pause");
  BOOST_TEST(again.status == again_local.status, "a refusal is forwarded as it is");
  BOOST_TEST(again.json["error"]["code"] == again_local.json["error"]["code"]);
  auto cancelled = other.call("POST", "/api/v1/executions/" + id + "/cancel");
  BOOST_TEST(cancelled.status == 202, cancelled.body);
  BOOST_TEST(n1.wait_status(id, "cancelled", seconds(10)));
  auto unknown = other.call("GET", "/api/v1/executions/00000000-0000-4000-8000-000000000000");
  BOOST_TEST(unknown.status == 404, unknown.body);
  BOOST_TEST(metric_value(other.http_port, "auraos_forwarded_requests_total") >= 4);
}

BOOST_AUTO_TEST_CASE(a_joining_node_receives_shards_and_runs_executions) {
  cluster_fixture c;
  auto& n1 = c.start("n1");
  c.start("n2");
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 0.1)).status, 201);
  // n1's dashboard stream hears of the new member and of the shards it takes.
  sse_client stream{n1.http_port, "/api/v1/stream?topics=cluster"};
  BOOST_REQUIRE_EQUAL(stream.wait_status(), 200);
  auto& n3 = c.start("n3");
  BOOST_REQUIRE(c.wait_spread(n3, {"n1", "n2", "n3"}));
  auto n3_holds_shards = [](const sse_message& m) {
    if (m.event != "cluster") return false;
    auto data = json::parse(m.data, nullptr, false);
    if (!data.is_object()) return false;
    for (const auto& node : data.value("nodes", json::array()))
      if (node.value("name", "") == "n3" && node.value("shardCount", 0) > 0) return true;
    return false;
  };
  BOOST_TEST(stream.wait_for(n3_holds_shards, seconds(10)) >= 0, "no cluster event showed n3");
  // Every node serves the dashboard.
  auto page = n3.call("GET", "/");
  BOOST_TEST(page.status == 200);
  BOOST_TEST(page.body.find("/assets/app.js") != std::string::npos);
  auto view = c.overview(n3);
  BOOST_TEST(view["moves"]["last"].is_object(), view.dump());
  auto id = start_on(n3, "w", 0.1);
  BOOST_TEST(n1.wait_status(id, "completed"));
  BOOST_TEST(metric_value(n3.http_port, "auraos_shards_owned") >= 21);
}

BOOST_AUTO_TEST_CASE(a_graceful_stop_hands_shards_over_without_waiting_for_expiry) {
  cluster_fixture c;
  // Leases of 20 s: only a hand-over moves the shards within the test's few seconds.
  temp_dir config;
  auto file = config.file("node.json");
  { std::ofstream{file} << R"({"leaseMs": 20000, "heartbeatMs": 500})"; }
  auto& n1 = c.start("n1", {"--config", file});
  auto& n2 = c.start("n2", {"--config", file});
  BOOST_REQUIRE(c.wait_spread(n1, {"n1", "n2"}));
  BOOST_REQUIRE_EQUAL(n1.call("POST", "/api/v1/workflows", delay_then_shell("w", 3)).status, 201);
  std::vector<std::string> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(start_on(n2, "w", 3));
  auto stopped_at = std::chrono::steady_clock::now();
  n2.process->signal(SIGTERM);
  BOOST_TEST(n2.process->wait_exit(seconds(20)) == 0, n2.process->err());
  BOOST_REQUIRE(c.wait_spread(n1, {"n1"}, seconds(10)));
  auto took = std::chrono::steady_clock::now() - stopped_at;
  BOOST_TEST(took < seconds(10),
             "taken over in " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                              << " ms, before the 20 s leases could expire");
  for (const auto& id : ids) BOOST_TEST(n1.wait_status(id, "completed"));
}
