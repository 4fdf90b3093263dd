// (a) Durable executions per second of a 3-node transform chain (SQLite by default).
// Usage: executions_bench [COUNT=5000] [WINDOW=64] [THREADS=2]
//        [--db sqlite:PATH | postgresql://... | postgresql:throwaway]
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/support/bench_database.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/round_trips.hpp"
#include "bench/support/three_node_chain.hpp"

int main(int argc, char** argv) {
  auto args = auraos::bench::parse_bench_args(argc, argv);
  if (!args) {
    std::cerr << args.error() << "\n";
    return 2;
  }
  const long count = args->number(0, 5000), window = args->number(1, 64);
  const int threads = static_cast<int>(args->number(2, 2));
  auto database = auraos::bench::bench_database::open(args->db);
  if (!database) {
    std::cerr << database.error() << "\n";
    return 2;
  }
  auraos::bench::bench_runtime rt(threads, std::chrono::seconds(30), {}, (*database)->location());
  if (!rt.put_workflow(auraos::bench::three_node_chain()) || !rt.service()) return 1;
  auto began = std::chrono::steady_clock::now();
  if (!auraos::bench::start_executions(rt.system(), rt.service(), "t3", count, int(window),
                                       [&] { return rt.finished(); }))
    return 1;
  auto until = began + std::chrono::seconds(100);
  while (rt.finished() < count && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  auto stats = rt.store_stats();
  fmt::print("executions completed: {} of {} in {:.3f} s (window {}, {} scheduler threads)\n",
             rt.finished(), count, took.count(), window, threads);
  fmt::print("executions/s: {:.0f}\n", double(rt.finished()) / took.count());
  fmt::print(
      "store commits: {} carrying {} write requests ({:.1f} per commit), mean commit "
      "latency {:.0f} us, failed commits {}\n",
      stats.commits, stats.requests, double(stats.requests) / double(stats.commits),
      double(stats.latency_sum_us) / double(stats.commits), stats.failed_commits);
  auraos::bench::print_command(argc, argv);
  return rt.finished() == count ? 0 : 1;
}
