// Failover time (issue 10, item 8): three `auraos serve` nodes in one cluster on one throwaway
// PostgreSQL, default settings (heartbeat 500 ms, lease 2000 ms). Each round starts N executions
// of "delay D s, then a transform" spread round-robin over the nodes, kills n3 with SIGKILL a
// quarter second before the first of its timers is due, and measures from the kill to the
// first and to the last of n3's executions completed by a survivor (polled from the survivors'
// list of completed executions), and to the first and last shard taken over (the survivors'
// auraos_shards_owned). n3 is started again (a new incarnation) between rounds.
// Usage: failover_bench [-n N=300] [-k ROUNDS=10] [--delay D=5] [--binary PATH]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/support/bench_cluster.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/rest_node.hpp"
#include "tests/support/pg_server.hpp"

namespace {

namespace b = auraos::bench;
using clock_type = std::chrono::steady_clock;
using nlohmann::json;

/// The command line of failover_bench.
struct options {
  int count = 300;
  int rounds = 10;
  double delay_s = 5;
  std::string binary;
};

/// What one round measured, in seconds from the kill.
struct round_times {
  double first_resumed = -1;
  double all_resumed = -1;
  double first_shard = -1;
  double all_shards = -1;
  double last_due = 0;
  std::size_t victim_executions = 0;
};

double since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

/// Workflow `id`: a delay of `${input.seconds}`, then a transform.
json delay_then_transform(const std::string& id) {
  return {{"id", id},
          {"name", "delay then transform"},
          {"variables", {{{"name", "seconds"}, {"type", "number"}, {"default", 1}}}},
          {"nodes",
           {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", "${input.seconds}"}}}},
            {{"id", "done"}, {"type", "transform"}, {"config", {{"output", 1}}}}}},
          {"connections", {{{"from", "wait"}, {"to", "done"}}}}};
}

/// One started execution: its id, the node that owns it and when its timer is due.
struct started {
  std::string id;
  std::string owner;
  clock_type::time_point due;
};

/// Starts `count` executions of `workflow` round-robin over `members`, one thread per member.
std::vector<started> start_executions(std::vector<b::bench_member*> members,
                                      const std::string& workflow, int count, double delay_s) {
  std::vector<std::vector<started>> per_member(members.size());
  std::vector<std::string> errors(members.size());
  std::vector<std::thread> threads;
  for (std::size_t m = 0; m < members.size(); ++m)
    threads.emplace_back([&, m] {
      try {
        for (int i = static_cast<int>(m); i < count; i += static_cast<int>(members.size())) {
          auto reply = members[m]->call({"POST",
                                         "/api/v1/workflows/" + workflow + "/executions",
                                         json{{"input", {{"seconds", delay_s}}}}.dump(),
                                         {{"Content-Type", "application/json"}}});
          auto now = clock_type::now();
          if (reply.status != 202) throw std::runtime_error("POST answered " + reply.body);
          auto owner = reply.headers.count("auraos-node") ? reply.headers.at("auraos-node")
                                                          : members[m]->name;
          per_member[m].push_back({json::parse(reply.body)["id"], owner,
                                   now + std::chrono::duration_cast<clock_type::duration>(
                                             std::chrono::duration<double>(delay_s))});
        }
      } catch (const std::exception& e) {
        errors[m] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  std::vector<started> out;
  for (std::size_t m = 0; m < members.size(); ++m) {
    if (!errors[m].empty()) throw std::runtime_error(members[m]->name + ": " + errors[m]);
    out.insert(out.end(), per_member[m].begin(), per_member[m].end());
  }
  return out;
}

/// Ids of the completed executions of `workflow`, as `m` lists them.
std::set<std::string> completed_ids(b::bench_member& m, const std::string& workflow) {
  std::set<std::string> out;
  std::string cursor;
  do {
    auto page =
        m.get_json("/api/v1/executions?workflowId=" + workflow + "&status=completed&limit=1000" +
                   (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& item : page["items"]) out.insert(item["id"].get<std::string>());
    cursor = page["nextCursor"].is_string() ? page["nextCursor"].get<std::string>() : "";
  } while (!cursor.empty());
  return out;
}

/// One round: start, kill n3, measure, wait until every execution completed, restart n3.
round_times run_round(b::bench_cluster& cluster, const options& opts, int round) {
  auto& n1 = cluster["n1"];
  auto& n2 = cluster["n2"];
  auto workflow = fmt::format("fo{}", round);
  auto created = n1.call({"POST",
                          "/api/v1/workflows",
                          delay_then_transform(workflow).dump(),
                          {{"Content-Type", "application/json"}}});
  if (created.status != 201) throw std::runtime_error("POST /api/v1/workflows: " + created.body);
  auto began = clock_type::now();
  auto executions =
      start_executions({&n1, &n2, &cluster["n3"]}, workflow, opts.count, opts.delay_s);
  std::set<std::string> victims;
  auto first_due = clock_type::time_point::max();
  auto last_due = clock_type::time_point::min();
  for (const auto& e : executions)
    if (e.owner == "n3") {
      victims.insert(e.id);
      first_due = std::min(first_due, e.due);
      last_due = std::max(last_due, e.due);
    }
  if (victims.empty()) throw std::runtime_error("n3 owns none of the executions");
  auto kill_at = first_due - std::chrono::milliseconds(250);
  if (clock_type::now() > kill_at)
    throw std::runtime_error(fmt::format("starting {} executions took {:.2f} s: raise --delay",
                                         opts.count, since(began)));
  double shards_before = n1.metric("auraos_shards_owned") + n2.metric("auraos_shards_owned");
  auto total_shards = n1.get_json("/api/v1/cluster")["shards"].get<double>();
  std::this_thread::sleep_until(kill_at);
  auto t0 = clock_type::now();
  cluster.kill("n3");
  round_times out;
  out.victim_executions = victims.size();
  out.last_due = std::chrono::duration<double>(last_due - t0).count();
  std::set<std::string> seen;
  auto deadline = t0 + std::chrono::seconds(60);
  while (seen.size() < victims.size() || out.all_shards < 0) {
    if (clock_type::now() > deadline)
      throw std::runtime_error(fmt::format("after 60 s: {} of {} of n3's executions completed",
                                           seen.size(), victims.size()));
    for (const auto& id : completed_ids(n1, workflow))
      if (victims.count(id) && seen.insert(id).second) {
        double t = since(t0);
        if (out.first_resumed < 0) out.first_resumed = t;
        if (seen.size() == victims.size()) out.all_resumed = t;
      }
    if (out.all_shards < 0) {
      double owned = n1.metric("auraos_shards_owned") + n2.metric("auraos_shards_owned");
      double t = since(t0);
      if (out.first_shard < 0 && owned > shards_before) out.first_shard = t;
      if (owned >= total_shards) out.all_shards = t;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  while (completed_ids(n1, workflow).size() < executions.size()) {
    if (clock_type::now() > deadline) throw std::runtime_error("survivors' executions stalled");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  auto& n3 = cluster.start("n3");
  if (!cluster.wait_spread(n3, {"n1", "n2", "n3"}))
    throw std::runtime_error("n3 did not get its shards back within 60 s");
  return out;
}

/// "min / median / max; each: ..." of one measure over the rounds.
std::string summary(const std::vector<double>& values) {
  std::string each;
  for (double v : values) each += fmt::format(" {:.2f}", v);
  auto sorted = values;
  std::sort(sorted.begin(), sorted.end());
  double median = sorted.size() % 2
                      ? sorted[sorted.size() / 2]
                      : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
  return fmt::format("min {:.2f} s, median {:.2f} s, max {:.2f} s; each (s):{}", sorted.front(),
                     median, sorted.back(), each);
}

auraos::result<options, std::string> parse(int argc, char** argv) {
  options out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string arg = argv[i], value = argv[i + 1];
    if (arg == "-n")
      out.count = std::atoi(value.c_str());
    else if (arg == "-k")
      out.rounds = std::atoi(value.c_str());
    else if (arg == "--delay")
      out.delay_s = std::atof(value.c_str());
    else if (arg == "--binary")
      out.binary = value;
    else
      return auraos::fail("unknown flag " + arg);
  }
  if (argc % 2 == 0) return auraos::fail(std::string("a flag without its value"));
  if (out.count < 3 || out.rounds < 1 || out.delay_s <= 0)
    return auraos::fail(std::string("-n must be >= 3, -k >= 1, --delay > 0"));
  if (out.binary.empty()) out.binary = b::sibling_auraos();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  auto opts = parse(argc, argv);
  if (!opts) {
    fmt::print(stderr, "{}\n", opts.error());
    return 2;
  }
  try {
    auto pg = auraos::test::pg_server::launch();
    if (!pg) throw std::runtime_error(pg.error());
    b::bench_cluster cluster{opts->binary, (*pg)->url()};
    cluster.start("n1");
    cluster.start("n2");
    cluster.start("n3");
    if (!cluster.wait_spread(cluster["n1"], {"n1", "n2", "n3"}))
      throw std::runtime_error("the three nodes did not share the shards within 60 s");
    fmt::print("load average at start: {}\n", b::load_average());
    std::vector<double> first, all, first_shard, all_shards;
    for (int r = 1; r <= opts->rounds; ++r) {
      auto t = run_round(cluster, *opts, r);
      fmt::print(
          "round {}: n3 owned {} executions (last due {:.2f} s after the kill); first resumed "
          "{:.2f} s, all resumed {:.2f} s; first shard taken {:.2f} s, all shards {:.2f} s; "
          "load {}\n",
          r, t.victim_executions, t.last_due, t.first_resumed, t.all_resumed, t.first_shard,
          t.all_shards, b::load_average());
      std::fflush(stdout);
      first.push_back(t.first_resumed);
      all.push_back(t.all_resumed);
      first_shard.push_back(t.first_shard);
      all_shards.push_back(t.all_shards);
    }
    fmt::print("kill -9 to the first of n3's executions completed elsewhere: {}\n", summary(first));
    fmt::print("kill -9 to all of n3's executions completed elsewhere: {}\n", summary(all));
    fmt::print("kill -9 to the first shard taken over: {}\n", summary(first_shard));
    fmt::print("kill -9 to all shards owned by the survivors: {}\n", summary(all_shards));
    fmt::print("{} executions a round, delay {} s, {} rounds, binary {}\n", opts->count,
               opts->delay_s, opts->rounds, opts->binary);
  } catch (const std::exception& e) {
    fmt::print(stderr, "failover_bench FAILED: {}\n", e.what());
    return 1;
  }
  b::print_command(argc, argv);
  return 0;
}
