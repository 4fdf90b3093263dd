// Executions per second of the 3-node transform chain through REST with 1, 2 and 3 cluster
// nodes (issue 10, item 8), side by side in one run, with a node alone (no cluster flags) as
// the baseline; all on one throwaway PostgreSQL, a fresh database for each case. The N
// `POST /api/v1/workflows/t3/executions` go to the nodes in equal parts (W clients split
// evenly over them, one keep-alive connection and one request in flight each), and the case
// ends when /metrics counts N completed executions.
// Usage: cluster_rest_bench [-n N=3000] [-w W=48] [--cases 0,1,2,3] [--binary PATH]
// (case 0: the node alone; K > 0: K cluster nodes)
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>

#include "bench/support/bench_cluster.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/rest_load.hpp"
#include "bench/support/rest_node.hpp"
#include "bench/support/three_node_chain.hpp"
#include "tests/support/pg_server.hpp"

namespace {

namespace b = auraos::bench;
using clock_type = std::chrono::steady_clock;

/// The command line of cluster_rest_bench.
struct options {
  std::int64_t count = 3000;
  int clients = 48;
  std::vector<int> cases{0, 1, 2, 3};
  std::string binary;
};

/// Completed executions counted by `m`'s /metrics; throws when one ended otherwise.
std::int64_t completed(b::bench_member& m) {
  auto by_status = b::executions_by_status(m.call({"GET", "/metrics", "", {}}).body);
  for (const char* bad : {"failed", "cancelled", "timed_out"})
    if (by_status[bad] > 0)
      throw std::runtime_error(fmt::format("{} executions {}", by_status[bad], bad));
  return by_status["completed"];
}

/// One case: `nodes` cluster members (0: one node alone) on database `db`.
void run_case(const options& opts, const std::string& db, int nodes) {
  b::bench_cluster cluster{opts.binary, db};
  std::vector<b::bench_member*> members;
  std::set<std::string> names;
  if (nodes == 0) {
    members.push_back(&cluster.start("alone", false));
  } else {
    for (int i = 1; i <= nodes; ++i) {
      names.insert(fmt::format("n{}", i));
      members.push_back(&cluster.start(fmt::format("n{}", i)));
    }
    if (!cluster.wait_spread(*members[0], names))
      throw std::runtime_error("the nodes did not share the shards within 60 s");
  }
  auto created = members[0]->call({"POST",
                                   "/api/v1/workflows",
                                   b::three_node_chain().dump(),
                                   {{"Content-Type", "application/json"}}});
  if (created.status != 201) throw std::runtime_error("POST /api/v1/workflows: " + created.body);
  auto k = static_cast<std::int64_t>(members.size());
  auto began = clock_type::now();
  std::vector<std::unique_ptr<b::rest_load>> loads;
  for (std::int64_t i = 0; i < k; ++i)
    loads.push_back(std::make_unique<b::rest_load>(
        members[static_cast<std::size_t>(i)]->http_port,
        auraos::test::http_call{"POST",
                                "/api/v1/workflows/t3/executions",
                                R"({"input":{}})",
                                {{"Content-Type", "application/json"}}},
        202, opts.count / k + (i < opts.count % k ? 1 : 0),
        std::max<int>(1, opts.clients / static_cast<int>(k))));
  auto deadline = began + std::chrono::seconds(300);
  while (completed(*members[0]) < opts.count) {
    for (auto& l : loads)
      if (l->failed()) throw std::runtime_error(l->wait().error);
    if (clock_type::now() > deadline) throw std::runtime_error("deadline of 300 s passed");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::chrono::duration<double> took = clock_type::now() - began;
  std::vector<double> latencies;
  for (auto& l : loads) {
    auto outcome = l->wait();
    if (!outcome.error.empty()) throw std::runtime_error(outcome.error);
    latencies.insert(latencies.end(), outcome.latencies_ms.begin(), outcome.latencies_ms.end());
  }
  fmt::print("| {} | {} | {:.3f} s | {:.0f} | {:.2f} ms | {:.2f} ms | {} |\n",
             nodes == 0 ? std::string("1, alone (no cluster)") : fmt::format("{} (cluster)", nodes),
             opts.count, took.count(), double(opts.count) / took.count(),
             b::quantile(latencies, 0.5), b::quantile(latencies, 0.99), b::load_average());
  std::fflush(stdout);
}

auraos::result<options, std::string> parse(int argc, char** argv) {
  options out;
  if (argc % 2 == 0) return auraos::fail(std::string("a flag without its value"));
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string arg = argv[i], value = argv[i + 1];
    if (arg == "-n") {
      out.count = std::atoll(value.c_str());
    } else if (arg == "-w") {
      out.clients = std::atoi(value.c_str());
    } else if (arg == "--binary") {
      out.binary = value;
    } else if (arg == "--cases") {
      out.cases.clear();
      std::istringstream parts{value};
      for (std::string part; std::getline(parts, part, ',');) out.cases.push_back(std::stoi(part));
    } else {
      return auraos::fail("unknown flag " + arg);
    }
  }
  if (out.count < 1 || out.clients < 1) return auraos::fail(std::string("-n and -w must be >= 1"));
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
    fmt::print("{} executions of t3 a case, {} clients split over the nodes\n", opts->count,
               opts->clients);
    fmt::print("| nodes | N | wall | executions/s | POST p50 | POST p99 | load after |\n");
    fmt::print("|---|---|---|---|---|---|---|\n");
    int index = 0;
    for (int nodes : opts->cases) {
      auto name = fmt::format("case{}", index++);
      auto made = (*pg)->create_database(name);
      if (!made) throw std::runtime_error(made.error());
      run_case(*opts, (*pg)->url_for(name), nodes);
    }
    fmt::print("binary: {}\n", opts->binary);
  } catch (const std::exception& e) {
    fmt::print(stderr, "cluster_rest_bench FAILED: {}\n", e.what());
    return 1;
  }
  b::print_command(argc, argv);
  return 0;
}
