// (c) Resident memory per waiting execution (a one-hour delay), passivated or kept live.
// Usage: memory_bench [COUNT=20000] [PASSIVATE_MS=100] [WINDOW=256]
#include <malloc.h>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/support/bench_runtime.hpp"
#include "bench/support/round_trips.hpp"

namespace {

using json = nlohmann::json;

json one_hour_delay() {
  return {{"id", "wait"},
          {"name", "wait"},
          {"nodes", {{{"id", "w"}, {"type", "delay"}, {"config", {{"seconds", 3600}}}}}},
          {"connections", json::array()}};
}

/// Waits (up to 60 s) until no execution actor is live; false at the deadline.
bool all_passivated(auraos::bench::bench_runtime& rt) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < until) {
    if (rt.counters().value("activeActors", -1) == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  const long count = argc > 1 ? std::atol(argv[1]) : 20000;
  const long passivate_ms = argc > 2 ? std::atol(argv[2]) : 100;
  const int window = argc > 3 ? std::atoi(argv[3]) : 256;
  auraos::bench::bench_runtime rt(2, std::chrono::milliseconds(passivate_ms));
  if (!rt.put_workflow(one_hour_delay()) || !rt.service()) return 1;
  malloc_trim(0);
  const auto before = auraos::bench::resident_bytes();
  const auto heap_before = mallinfo2().uordblks;
  auto began = std::chrono::steady_clock::now();
  // Waiting executions never end, so the window bounds only the starts in flight.
  if (!auraos::bench::start_executions(rt.system(), rt.service(), "wait", count, window,
                                       [] { return std::numeric_limits<std::int64_t>::max() / 2; }))
    return 1;
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  bool passivate = passivate_ms < 3'600'000;
  if (passivate && !all_passivated(rt)) fmt::print("warning: not all executions passivated\n");
  const auto after = auraos::bench::resident_bytes();
  const auto heap_after = mallinfo2().uordblks;
  malloc_trim(0);
  const auto trimmed = auraos::bench::resident_bytes();
  auto counters = rt.counters();
  fmt::print(
      "{} waiting executions started in {:.1f} s; passivate after {} ms; live actors {}, "
      "passivations {}\n",
      count, took.count(), passivate_ms, counters.value("activeActors", -1),
      counters.value("passivations", -1));
  fmt::print("RSS before {:.1f} MiB, after {:.1f} MiB, after malloc_trim {:.1f} MiB\n",
             before / 1048576.0, after / 1048576.0, trimmed / 1048576.0);
  fmt::print("bytes per waiting execution: {:.0f} (after malloc_trim: {:.0f})\n",
             double(after - before) / count, double(trimmed - before) / count);
  fmt::print(
      "malloc heap in use: before {:.1f} MiB, after {:.1f} MiB ({:.0f} bytes per execution)\n",
      heap_before / 1048576.0, heap_after / 1048576.0,
      (double(heap_after) - double(heap_before)) / count);
  auraos::bench::print_command(argc, argv);
  return 0;
}
