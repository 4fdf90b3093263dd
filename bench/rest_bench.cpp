// (d) Executions per second through the REST API: N executions of the 3-node transform chain
// started by `POST /api/v1/workflows/t3/executions` from W clients (one keep-alive connection
// each, one request in flight per connection) against a real `auraos serve`, until all N are
// completed (polled from /metrics). Exits 1 when an execution fails or the deadline passes.
// Usage: rest_bench [-n N=5000] [-w W=64] [--binary PATH] [--postgres | --db URL]
//                   [--deadline SECONDS=300]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/support/bench_database.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/rest_load.hpp"
#include "bench/support/rest_node.hpp"
#include "bench/support/three_node_chain.hpp"

namespace {

namespace b = auraos::bench;
using clock_type = std::chrono::steady_clock;

/// The command line of rest_bench.
struct options {
  std::int64_t count = 5000;
  int clients = 64;
  std::string binary;
  std::string db;
  int deadline_s = 300;
};

auraos::result<options, std::string> parse(int argc, char** argv) {
  options out;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--postgres") {
      out.db = "postgresql:throwaway";
      continue;
    }
    if (i + 1 >= argc) return auraos::fail(arg + ": unknown flag or missing value");
    std::string value = argv[++i];
    if (arg == "-n")
      out.count = std::atoll(value.c_str());
    else if (arg == "-w")
      out.clients = std::atoi(value.c_str());
    else if (arg == "--binary")
      out.binary = value;
    else if (arg == "--db")
      out.db = value;
    else if (arg == "--deadline")
      out.deadline_s = std::atoi(value.c_str());
    else
      return auraos::fail("unknown flag " + arg);
  }
  if (out.count < 1 || out.clients < 1) return auraos::fail(std::string("-n and -w must be >= 1"));
  if (out.binary.empty()) out.binary = b::sibling_auraos();
  if (!std::filesystem::exists(out.binary)) return auraos::fail("no binary at " + out.binary);
  return out;
}

/// The `--db` value for serve: the throwaway server's URL, a given URL, or none (SQLite).
std::string serve_db(const options& opts, const b::bench_database& database) {
  if (!database.location()) return "";
  if (database.location()->backend == "postgresql") return database.location()->target;
  return opts.db;
}

int failure(const std::string& reason) {
  fmt::print(stderr, "rest_bench FAILED: {}\n", reason);
  return 1;
}

/// How long to wait before the next poll: a quarter of the time the rest should take at the
/// rate so far, between 10 and 200 ms (few polls, so the store's count query stays cheap).
std::chrono::milliseconds poll_pause(std::int64_t completed, std::int64_t count,
                                     clock_type::time_point began) {
  std::chrono::duration<double> elapsed = clock_type::now() - began;
  double rate = double(completed) / std::max(elapsed.count(), 1e-3);
  double rest_ms = rate > 0 ? 1000.0 * double(count - completed) / rate : 200.0;
  return std::chrono::milliseconds(std::clamp<long>(long(rest_ms / 4), 10, 200));
}

/// Polls /metrics until `count` executions completed; an error text when one ended otherwise,
/// a client failed or the deadline passed.
std::string wait_completed(b::rest_node& node, const b::rest_load& load, std::int64_t count,
                           clock_type::time_point began, clock_type::time_point deadline) {
  while (true) {
    auto by_status = node.executions_by_status();
    for (const char* bad : {"failed", "cancelled", "timed_out"})
      if (by_status[bad] > 0) return fmt::format("{} executions {}", by_status[bad], bad);
    if (load.failed()) return "a client failed";
    if (by_status["completed"] >= count) return "";
    if (clock_type::now() > deadline)
      return fmt::format("deadline passed: {} of {} completed, {} started", by_status["completed"],
                         count, load.answered());
    std::this_thread::sleep_for(poll_pause(by_status["completed"], count, began));
  }
}

}  // namespace

int main(int argc, char** argv) {
  auto opts = parse(argc, argv);
  if (!opts) {
    fmt::print(stderr, "{}\n", opts.error());
    return 2;
  }
  auto database = b::bench_database::open(opts->db);
  if (!database) return failure(database.error());
  auto node = b::rest_node::start(opts->binary, serve_db(*opts, **database));
  if (!node) return failure(node.error());
  try {
    auto created = (*node)->call({"POST",
                                  "/api/v1/workflows",
                                  b::three_node_chain().dump(),
                                  {{"Content-Type", "application/json"}}});
    if (created.status != 201) return failure("POST /api/v1/workflows: " + created.body);
    auto began = clock_type::now();
    b::rest_load load{(*node)->port(),
                      {"POST",
                       "/api/v1/workflows/t3/executions",
                       R"({"input":{}})",
                       {{"Content-Type", "application/json"}}},
                      202,
                      opts->count,
                      opts->clients};
    auto error = wait_completed(**node, load, opts->count, began,
                                began + std::chrono::seconds(opts->deadline_s));
    std::chrono::duration<double> took = clock_type::now() - began;
    if (!error.empty()) load.stop();
    auto outcome = load.wait();
    if (!outcome.error.empty()) return failure(outcome.error);
    if (!error.empty()) return failure(error);
    fmt::print("executions completed: {} (N) with {} clients in flight (W), backend {}\n",
               opts->count, opts->clients, opts->db.empty() ? "sqlite" : opts->db);
    fmt::print("wall {:.3f} s (first POST to all completed), executions/s: {:.0f}\n", took.count(),
               double(opts->count) / took.count());
    fmt::print("POST latency p50 {:.2f} ms, p99 {:.2f} ms; all POSTs answered in {:.3f} s\n",
               b::quantile(outcome.latencies_ms, 0.50), b::quantile(outcome.latencies_ms, 0.99),
               outcome.seconds);
    fmt::print("binary: {}\n", opts->binary);
  } catch (const std::exception& e) {
    return failure(e.what());
  }
  b::print_command(argc, argv);
  return 0;
}
