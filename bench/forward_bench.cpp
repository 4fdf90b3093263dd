// Forwarded-call overhead (issue 10, item 8): three cluster nodes on one throwaway PostgreSQL;
// E executions wait in a one-hour delay; `GET /api/v1/executions/{id}` is sent C times to the
// node that owns the execution (answered locally) and C times to another node (forwarded to
// the owner over the cluster's TLS connection), interleaved call by call on one keep-alive
// connection per node, one call in flight. Prints p50/p90/p99/mean latency of both.
// Usage: forward_bench [-c C=3000] [-e E=30] [--binary PATH]
#include <chrono>
#include <cstdlib>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/support/bench_cluster.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/rest_load.hpp"
#include "bench/support/rest_node.hpp"
#include "tests/support/pg_server.hpp"

namespace {

namespace b = auraos::bench;
using clock_type = std::chrono::steady_clock;
using nlohmann::json;

/// Workflow `wait`: one delay of an hour (its executions stay waiting during the bench).
json hour_delay() {
  return {{"id", "wait"},
          {"name", "wait an hour"},
          {"nodes", {{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 3600}}}}}},
          {"connections", json::array()}};
}

/// Milliseconds of one GET of execution `id` through `m`; throws unless 200 from `owner`.
double timed_get(b::bench_member& m, const std::string& id, const std::string& owner) {
  auto t = clock_type::now();
  auto reply = m.call({"GET", "/api/v1/executions/" + id, "", {}});
  double ms = std::chrono::duration<double, std::milli>(clock_type::now() - t).count();
  if (reply.status != 200) throw std::runtime_error(m.name + ": GET answered " + reply.body);
  auto header = reply.headers.find("auraos-node");
  if (header == reply.headers.end() || header->second != owner)
    throw std::runtime_error(m.name + ": the answer does not name owner " + owner);
  return ms;
}

std::string line(const std::string& what, const std::vector<double>& ms) {
  double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
  return fmt::format("| {} | {} | {:.3f} ms | {:.3f} ms | {:.3f} ms | {:.3f} ms |", what, ms.size(),
                     b::quantile(ms, 0.5), b::quantile(ms, 0.9), b::quantile(ms, 0.99), mean);
}

}  // namespace

int main(int argc, char** argv) {
  int calls = 3000, executions = 30;
  std::string binary;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string arg = argv[i];
    if (arg == "-c")
      calls = std::atoi(argv[i + 1]);
    else if (arg == "-e")
      executions = std::atoi(argv[i + 1]);
    else if (arg == "--binary")
      binary = argv[i + 1];
    else
      return fmt::print(stderr, "unknown flag {}\n", arg), 2;
  }
  if (argc % 2 == 0 || calls < 1 || executions < 1)
    return fmt::print(stderr, "usage: forward_bench [-c C] [-e E] [--binary PATH]\n"), 2;
  if (binary.empty()) binary = b::sibling_auraos();
  try {
    auto pg = auraos::test::pg_server::launch();
    if (!pg) throw std::runtime_error(pg.error());
    b::bench_cluster cluster{binary, (*pg)->url()};
    std::vector<b::bench_member*> members{&cluster.start("n1"), &cluster.start("n2"),
                                          &cluster.start("n3")};
    if (!cluster.wait_spread(*members[0], {"n1", "n2", "n3"}))
      throw std::runtime_error("the three nodes did not share the shards within 60 s");
    auto created = members[0]->call(
        {"POST", "/api/v1/workflows", hour_delay().dump(), {{"Content-Type", "application/json"}}});
    if (created.status != 201) throw std::runtime_error("POST /api/v1/workflows: " + created.body);
    std::vector<std::pair<std::string, std::size_t>> ids;  // id, index of its owner
    for (int i = 0; i < executions; ++i) {
      auto reply = members[std::size_t(i) % 3]->call({"POST",
                                                      "/api/v1/workflows/wait/executions",
                                                      R"({"input":{}})",
                                                      {{"Content-Type", "application/json"}}});
      if (reply.status != 202) throw std::runtime_error("POST answered " + reply.body);
      auto owner = reply.headers.at("auraos-node");
      ids.emplace_back(json::parse(reply.body)["id"], std::size_t(owner.back() - '1'));
    }
    std::vector<double> local, forwarded;
    for (int i = -200; i < calls; ++i) {  // 200 calls of each kind to warm up
      const auto& [id, owner] = ids[std::size_t(i + 200) % ids.size()];
      auto& here = *members[owner];
      auto& other = *members[(owner + 1 + std::size_t(i + 200) % 2) % 3];
      bool local_first = (i % 2) == 0;
      double a = timed_get(local_first ? here : other, id, here.name);
      double c = timed_get(local_first ? other : here, id, here.name);
      if (i < 0) continue;
      local.push_back(local_first ? a : c);
      forwarded.push_back(local_first ? c : a);
    }
    fmt::print(
        "GET /api/v1/executions/{{id}}, {} waiting executions over 3 nodes, one call in "
        "flight, keep-alive\n",
        executions);
    fmt::print("| sent to | calls | p50 | p90 | p99 | mean |\n|---|---|---|---|---|---|\n");
    fmt::print("{}\n", line("the owner (local)", local));
    fmt::print("{}\n", line("another node (forwarded)", forwarded));
    fmt::print("forwarded - local: p50 {:.3f} ms, p99 {:.3f} ms; load {}\n",
               b::quantile(forwarded, 0.5) - b::quantile(local, 0.5),
               b::quantile(forwarded, 0.99) - b::quantile(local, 0.99), b::load_average());
    fmt::print("binary: {}\n", binary);
  } catch (const std::exception& e) {
    fmt::print(stderr, "forward_bench FAILED: {}\n", e.what());
    return 1;
  }
  b::print_command(argc, argv);
  return 0;
}
