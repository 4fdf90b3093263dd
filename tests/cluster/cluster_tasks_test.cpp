// Tasks on a three-node cluster: every node answers the task API (forwarded to the coordinator,
// the holder of shard 0), and a schedule fires exactly once per fire time while its node is
// killed (kill -9): the next coordinator catches up on the fire times it missed.

#include <csignal>
#include <set>

#include <boost/test/unit_test.hpp>

#include "tests/cluster/cluster_fixture.hpp"

using namespace std::chrono;
using nlohmann::json;
using auraos::test::cluster_fixture;
using auraos::test::cluster_member;
using auraos::test::wait_until;

namespace {

/// The member holding the coordinator shard (shard 0), as `m` sees it.
std::string coordinator(cluster_member& m) {
  for (const auto& row : m.call("GET", "/api/v1/cluster/shards").json)
    if (row["shard"] == 0 && row["owner"].is_string()) return row["owner"];
  return "";
}

/// Every run of task `id`, as `m` answers (all pages).
std::vector<json> runs_of(cluster_member& m, const std::string& id) {
  std::vector<json> out;
  std::string cursor;
  for (;;) {
    auto page = m.call("GET", "/api/v1/task-executions?limit=1000&taskId=" + id +
                                  (cursor.empty() ? "" : "&cursor=" + cursor));
    if (page.status != 200) return out;
    for (const auto& run : page.json["items"]) out.push_back(run);
    if (!page.json["nextCursor"].is_string()) return out;
    cursor = page.json["nextCursor"];
  }
}

/// Milliseconds of an RFC 3339 UTC time with milliseconds.
std::int64_t ms_of(const json& time) {
  auto text = time.get<std::string>();
  std::tm tm{};
  ::strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  std::int64_t ms = static_cast<std::int64_t>(::timegm(&tm)) * 1000;
  auto dot = text.find('.');
  if (dot != std::string::npos) ms += std::stoll(text.substr(dot + 1, 3));
  return ms;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cluster_tasks)

BOOST_AUTO_TEST_CASE(a_schedule_fires_once_per_fire_time_across_a_kill_9_of_the_coordinator) {
  cluster_fixture c;
  auto members = c.start_spread({"n1", "n2", "n3"});
  auto boss = coordinator(*members[0]);
  BOOST_REQUIRE(!boss.empty());
  std::vector<cluster_member*> others;
  for (auto* m : members)
    if (m->name != boss) others.push_back(m);
  auto& asker = *others[0];
  json task{{"id", "tick"}, {"name", "tick"}, {"type", "transform"},
            {"config", {{"output", {{"at", "${task.runId}"}}}}}};
  auto created = asker.call("POST", "/api/v1/tasks", task.dump());
  BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
  BOOST_TEST(created.headers["auraos-node"] == boss, "the call was answered by the coordinator");
  auto put = asker.call("PUT", "/api/v1/tasks/tick/schedule",
                        R"({"every": 1, "overlap": "allow_all", "catchupWindowSeconds": 120})");
  BOOST_REQUIRE_MESSAGE(put.status == 200, put.body);
  BOOST_REQUIRE(wait_until([&] { return runs_of(asker, "tick").size() >= 3; }, seconds(30)));
  c[boss].process->signal(SIGKILL);
  c[boss].process->wait_exit(seconds(10));
  auto before = runs_of(asker, "tick").size();
  // The next coordinator takes shard 0, catches up and goes on firing.
  BOOST_TEST_REQUIRE(wait_until([&] { return runs_of(asker, "tick").size() >= before + 6; },
                                seconds(90)),
                     runs_of(asker, "tick").size() << " runs, " << before << " before the kill");
  auto runs = runs_of(*others[1], "tick");
  std::multiset<std::int64_t> fires;
  for (const auto& run : runs) fires.insert(ms_of(run["scheduleTime"]));
  std::set<std::int64_t> distinct(fires.begin(), fires.end());
  BOOST_TEST(distinct.size() == fires.size(), "one run per fire time");
  // No fire time between the first and the last was lost: they are 1 s apart.
  std::int64_t expected = *distinct.begin();
  for (auto at : distinct) {
    BOOST_TEST(at == expected, "fire time " << expected << " has no run");
    expected = at + 1000;
  }
  BOOST_TEST(coordinator(asker) != boss);
}

BOOST_AUTO_TEST_SUITE_END()
