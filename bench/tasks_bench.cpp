// Issue 13, the task service on a real node (`auraos serve` over HTTP), and graphile-worker:
//  pg, sqlite: durable no-op task runs per second: N runs of a transform task with a constant
//    output, enqueued in batches (`POST /api/v1/task-batches`) from C clients, timed from the
//    first POST to the pool empty (every run's end stored), per pool `workers` setting;
//  graphile: graphile-worker 0.18 on another database of the same throwaway PostgreSQL, N
//    no-op jobs enqueued with batched `addJobs` from C clients, per INSTANCESxCONCURRENCY;
//    the three alternate within each of R rounds; the medians are compared;
//  steady: runs started at a paced rate (batches every period) for S seconds, then the queue
//    wait (startedAt − queuedAt) of every stored run, on SQLite and on PostgreSQL.
// Usage: tasks_bench [-n N=20000] [-b B=1000] [-c C=4] [--rounds R=3] [--workers 16,32,64]
//                    [--graphile 1x24,1x64,2x24] [--local-queue 500] [--rate 1000]
//                    [--seconds 20] [--steady-batch 10] [--publishers 4] [--steady-workers 0]
//                    [--cases pg,sqlite,graphile,steady] [--binary PATH] [--peers DIR]
// Exits 1 when a case fails (an error answer, a run not completed, a job lost).
#include <filesystem>
#include <fstream>

#include <fmt/core.h>

#include "bench/support/bench_database.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/graphile_peer.hpp"
#include "bench/support/task_cases.hpp"
#include "bench/support/task_options.hpp"
#include "bench/support/task_summary.hpp"

namespace {

namespace b = auraos::bench;

/// The 1-minute load average (/proc/loadavg), for the record.
std::string load_average() {
  std::string one;
  std::ifstream{"/proc/loadavg"} >> one;
  return one;
}

/// One throughput run of a node over `db` ("" = SQLite) with `workers` pool workers.
bool run_node(const b::task_options& opts, const std::string& system, const std::string& db,
              std::int64_t workers, int round, b::throughput_table& table) {
  auto config = fmt::format(R"({{"pool": {{"workers": {}}}}})", workers);
  auto node = b::rest_node::start(opts.binary, db, config);
  if (!node) {
    fmt::print(stderr, "tasks_bench FAILED ({}): {}\n", system, node.error());
    return false;
  }
  auto f = b::measure_throughput(**node, "noop", opts.plan);
  if (!f.error.empty()) {
    fmt::print(stderr, "tasks_bench FAILED ({}, workers {}): {}\n", system, workers, f.error);
    return false;
  }
  auto rate = double(opts.plan.runs) / f.seconds;
  fmt::print(
      "{} round {} workers {}: {} runs; enqueue {:.2f} s (batch POST p50 {:.0f} ms, p99 {:.0f} "
      "ms); all completed after {:.2f} s = {:.0f} runs/s; {} commits ({:.1f} runs per commit, "
      "mean {:.2f} ms); node CPU {:.2f} s ({:.0f}% of one core), machine busy {:.0f}%; queue "
      "wait ms {}; load {}\n",
      system, round, workers, f.completed, f.enqueue_seconds, b::quantile(f.load.latencies_ms, 0.5),
      b::quantile(f.load.latencies_ms, 0.99), f.seconds, rate, f.commits,
      f.commits ? double(opts.plan.runs) / double(f.commits) : 0.0, f.commit_ms,
      f.cpu.process_seconds, 100 * f.cpu.process_seconds / f.seconds, 100 * f.cpu.machine_busy,
      f.queue_wait, load_average());
  std::fflush(stdout);
  table.add(system, fmt::format("workers {}", workers), rate, f.seconds, f.enqueue_seconds);
  return true;
}

bool run_graphile(const b::task_options& opts, b::bench_database& pg, int round,
                  b::throughput_table& table) {
  bool ok = true;
  for (const auto& setting : opts.graphile) {
    auto label = fmt::format("{}x{}", setting.instances, setting.concurrency);
    auto url = pg.new_database(fmt::format("graphile_r{}_{}", round, label));
    auto f = url ? b::run_graphile(opts.peer, setting, *url) : b::graphile_figures{};
    if (!url) f.error = url.error();
    if (!f.error.empty()) {
      fmt::print(stderr, "tasks_bench FAILED (graphile {}): {}\n", label, f.error);
      ok = false;
      continue;
    }
    auto rate = double(opts.plan.runs) / f.seconds;
    fmt::print(
        "graphile round {} {} (instances x concurrency, localQueue {}, Node {}): {} jobs; "
        "enqueue {:.2f} s; all completed after {:.2f} s = {:.0f} runs/s; machine busy {:.0f}%; "
        "load {}\n",
        round, label, opts.peer.local_queue, f.node_version, f.succeeded, f.enqueue_seconds,
        f.seconds, rate, 100 * f.machine_busy, load_average());
    std::fflush(stdout);
    table.add("graphile-worker", label, rate, f.seconds, f.enqueue_seconds);
  }
  return ok;
}

bool run_ours(const b::task_options& opts, b::bench_database* pg, int round,
              b::throughput_table& table) {
  bool ok = true;
  for (auto workers : opts.workers) {
    if (pg) {
      auto url = pg->new_database(fmt::format("auraos_r{}_w{}", round, workers));
      if (!url) {
        fmt::print(stderr, "tasks_bench FAILED (pg): {}\n", url.error());
        return false;
      }
      ok = run_node(opts, "postgres", *url, workers, round, table) && ok;
    }
    if (opts.cases.count("sqlite")) ok = run_node(opts, "sqlite", "", workers, round, table) && ok;
  }
  return ok;
}

/// The steady case over `db` ("" = SQLite) on a pool of `workers` (0: the default pool).
bool run_steady(const b::task_options& opts, const std::string& system, const std::string& db,
                std::int64_t workers) {
  auto config = workers > 0 ? fmt::format(R"({{"pool": {{"workers": {}}}}})", workers) : "";
  auto pool = workers > 0 ? fmt::format("pool of {} workers", workers) : "default pool";
  auto node = b::rest_node::start(opts.binary, db, config);
  if (!node) {
    fmt::print(stderr, "tasks_bench FAILED (steady {}): {}\n", system, node.error());
    return false;
  }
  auto f = b::measure_steady(**node, "steady", opts.steady);
  if (!f.error.empty()) {
    fmt::print(stderr, "tasks_bench FAILED (steady {}): {}\n", system, f.error);
    return false;
  }
  auto sent = f.sent.ticks * f.sent.per_tick;
  fmt::print(
      "steady {}: asked {} runs/s ({} every {} ms from {} senders, {}) for {} s; sent "
      "{} at {:.0f}/s, latest batch {:.1f} ms after due, batch POST p50 {:.1f} ms p99 {:.1f} ms; "
      "{} completed, pool empty {:.3f} s after the last answer; load {}\n",
      system, opts.steady.rate, f.sent.per_tick, opts.steady.period.count(),
      opts.steady.publishers, pool, opts.steady.duration.count() / 1000, sent,
      double(sent) / f.sent.seconds, f.sent.max_lag_ms, b::quantile(f.sent.post_ms, 0.5),
      b::quantile(f.sent.post_ms, 0.99), f.completed, f.drain_seconds, load_average());
  for (const auto& [name, values] :
       {std::pair{"queue wait (startedAt − queuedAt)", &f.queue_wait_ms},
        std::pair{"queued → completed (completedAt − queuedAt)", &f.run_ms}})
    fmt::print("steady {} ({}): {} p50 {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms (n {})\n", system,
               pool, name,
               b::quantile(*values, 0.5), b::quantile(*values, 0.99), b::quantile(*values, 1),
               values->size());
  return true;
}

/// Every round of the throughput cases, alternating which system goes first; the summary.
bool run_rounds(const b::task_options& opts, b::bench_database* pg) {
  b::throughput_table table;
  bool ok = true;
  bool peer = pg && opts.cases.count("graphile");
  bool ours = opts.cases.count("pg") || opts.cases.count("sqlite");
  for (int round = 1; round <= opts.rounds; ++round) {
    auto* our_pg = opts.cases.count("pg") ? pg : nullptr;
    if (round % 2 == 0 && peer) ok = run_graphile(opts, *pg, round, table) && ok;
    if (ours) ok = run_ours(opts, our_pg, round, table) && ok;
    if (round % 2 == 1 && peer) ok = run_graphile(opts, *pg, round, table) && ok;
  }
  if (!peer && !ours) return ok;
  fmt::print("\nmedians of {} rounds, {} runs each:\n", opts.rounds, opts.plan.runs);
  table.print();
  auto ours_best = table.best("postgres");
  auto peer_best = table.best("graphile-worker");
  if (ours_best && peer_best)
    fmt::print(
        "\npostgres best ({}) {:.0f} runs/s vs graphile-worker best ({}) {:.0f} runs/s: "
        "{:.2f}x (target >= 2x: {})\n",
        ours_best->first, ours_best->second, peer_best->first, peer_best->second,
        ours_best->second / peer_best->second,
        ours_best->second >= 2 * peer_best->second ? "met" : "not met");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  auto opts = b::parse_task_options(argc, argv);
  if (!opts) {
    fmt::print(stderr, "{}\n", opts.error());
    return 2;
  }
  fmt::print("tasks_bench: binary {}; {} runs in batches of {} from {} clients; load {}\n",
             opts->binary, opts->plan.runs, opts->plan.batch, opts->plan.clients, load_average());
  bool ok = true;
  try {
    std::unique_ptr<b::bench_database> pg;
    if (opts->cases.count("pg") || opts->cases.count("graphile") || opts->cases.count("steady")) {
      auto database = b::bench_database::open("postgresql:throwaway");
      if (!database) throw std::runtime_error(database.error());
      pg = std::move(*database);
    }
    ok = run_rounds(*opts, pg.get());
    if (opts->cases.count("steady")) {
      for (auto workers : opts->steady_workers) {
        ok = run_steady(*opts, "sqlite", "", workers) && ok;
        auto url = pg->new_database(fmt::format("auraos_steady_{}", workers));
        if (!url) throw std::runtime_error(url.error());
        ok = run_steady(*opts, "postgres", *url, workers) && ok;
      }
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "tasks_bench FAILED: {}\n", e.what());
    ok = false;
  }
  b::print_command(argc, argv);
  return ok ? 0 : 1;
}
