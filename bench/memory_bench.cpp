// (c) Resident memory per waiting execution (a one-hour delay), passivated or kept live.
// Usage: memory_bench [COUNT=20000] [PASSIVATE_MS=100] [WINDOW=256] [--db sqlite:PATH|...]
// With a `--db` that already holds waiting executions (from an earlier run), the start also
// measures their recovery: peak RSS while they are re-activated and passivated again.
#include <malloc.h>
#include <sys/resource.h>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/support/bench_database.hpp"
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

/// The process's peak resident set so far, in MiB.
double peak_rss_mib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// The service's activations once they stop growing (1 s without change, at most 120 s).
std::int64_t settled_activations(auraos::bench::bench_runtime& rt) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  std::int64_t last = -1;
  auto changed = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() < until) {
    auto now_count = rt.counters().value("activations", std::int64_t{0});
    if (now_count != last) {
      last = now_count;
      changed = std::chrono::steady_clock::now();
    } else if (std::chrono::steady_clock::now() - changed > std::chrono::seconds(1)) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return last;
}

/// After a start on a store with waiting executions: how their recovery went.
void print_recovery(auraos::bench::bench_runtime& rt) {
  auto began = std::chrono::steady_clock::now();
  auto recovered = settled_activations(rt);
  if (recovered <= 0) return;
  bool passivated = all_passivated(rt);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  fmt::print(
      "recovered {} unfinished executions in {:.1f} s ({}); RSS {:.1f} MiB, peak {:.1f} MiB\n",
      recovered, took.count(), passivated ? "all passivated again" : "NOT all passivated",
      auraos::bench::resident_bytes() / 1048576.0, peak_rss_mib());
}

int main(int argc, char** argv) {
  auto args = auraos::bench::parse_bench_args(argc, argv);
  if (!args) {
    fmt::print(stderr, "{}\n", args.error());
    return 2;
  }
  auto database = auraos::bench::bench_database::open(args->db);
  if (!database) {
    fmt::print(stderr, "{}\n", database.error());
    return 2;
  }
  const long count = args->number(0, 20000), passivate_ms = args->number(1, 100);
  const int window = static_cast<int>(args->number(2, 256));
  auraos::bench::bench_runtime rt(2, std::chrono::milliseconds(passivate_ms), {},
                                  (*database)->location());
  if (!rt.put_workflow(one_hour_delay()) || !rt.service()) return 1;
  print_recovery(rt);
  if (count == 0) return 0;
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
