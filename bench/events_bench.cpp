// Issue 12, the event service on a real node (`auraos serve` over HTTP), and a Redis peer:
//  sqlite, postgres: events stored per second, batches of B events per `POST /api/v1/events`
//    (each answered after its commit) from C clients, on SQLite and a throwaway PostgreSQL 15;
//  redis: the same events appended to a Redis stream (`XADD`, AOF with `appendfsync always`),
//    pipelines of B commands per round trip from C clients;
//  stream: publish → SSE latency, one subscriber of `GET /api/v1/events/stream` while batches
//    are published at a paced rate (SQLite);
//  trigger: single events each starting an execution, timed to the execution's messages on
//    `GET /api/v1/stream?topics=executions` (SQLite);
//  cluster: the stream case across two nodes of a cluster on a throwaway PostgreSQL, the
//    publishers on n1 and the subscriber on n2 (on request only: --cases cluster).
// Usage: events_bench [-n BATCHES=100] [-b B=1000] [-c C=4] [--warmup W=2] [--pad BYTES=64]
//                     [--rate R=10000] [--seconds S=10] [--publishers P=4]
//                     [--triggers T=200] [--trigger-warmup 5] [--no-count]
//                     [--cases sqlite,postgres,redis,stream,trigger,cluster] [--binary PATH]
//                     [--redis-server PATH]
// Exits 1 when a case fails (an error answer, a lost event, an execution not started).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <fmt/core.h>

#include "bench/support/bench_cluster.hpp"
#include "bench/support/bench_database.hpp"
#include "bench/support/bench_runtime.hpp"
#include "bench/support/event_bodies.hpp"
#include "bench/support/events_cases.hpp"
#include "bench/support/redis_load.hpp"
#include "bench/support/redis_node.hpp"

namespace {

namespace b = auraos::bench;

/// The command line of events_bench.
struct options {
  std::int64_t batches = 100;
  std::size_t batch = 1000;
  int clients = 4;
  std::int64_t warmup = 2;
  b::pace paced;
  int triggers = 200;
  int trigger_warmup = 5;
  bool count = true;
  std::set<std::string> cases{"sqlite", "postgres", "redis", "stream", "trigger"};
  std::string binary;
  std::string redis_server = "redis-server";
};

std::set<std::string> split_cases(const std::string& text) {
  std::set<std::string> out;
  std::stringstream in{text};
  for (std::string item; std::getline(in, item, ',');) out.insert(item);
  return out;
}

/// Reads the value of flag `arg` into `out`; false for an unknown flag.
bool take(options& out, const std::string& arg, const std::string& value) {
  auto number = [&] { return std::atoll(value.c_str()); };
  if (arg == "-n")
    out.batches = number();
  else if (arg == "-b")
    out.batch = static_cast<std::size_t>(number());
  else if (arg == "-c")
    out.clients = int(number());
  else if (arg == "--warmup")
    out.warmup = number();
  else if (arg == "--pad")
    out.paced.pad = static_cast<std::size_t>(number());
  else if (arg == "--rate")
    out.paced.rate = number();
  else if (arg == "--seconds")
    out.paced.duration = std::chrono::seconds(number());
  else if (arg == "--publishers")
    out.paced.publishers = int(number());
  else if (arg == "--triggers")
    out.triggers = int(number());
  else if (arg == "--trigger-warmup")
    out.trigger_warmup = int(number());
  else if (arg == "--cases")
    out.cases = split_cases(value);
  else if (arg == "--binary")
    out.binary = value;
  else if (arg == "--redis-server")
    out.redis_server = value;
  else
    return false;
  return true;
}

auraos::result<options, std::string> parse(int argc, char** argv) {
  options out;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--no-count") {
      out.count = false;
      continue;
    }
    if (i + 1 >= argc || !take(out, arg, argv[i + 1]))
      return auraos::fail(arg + ": unknown flag or missing value");
    ++i;
  }
  for (const auto& name : out.cases)
    if (!std::set<std::string>{"sqlite", "postgres", "redis", "stream", "trigger", "cluster"}
             .count(name))
      return auraos::fail("--cases: unknown case " + name);
  if (out.batches < 1 || out.batch < 1 || out.batch > 1000 || out.clients < 1 ||
      out.paced.publishers < 1 || out.paced.rate < 100 || out.triggers < 1)
    return auraos::fail(
        std::string("-n, -c, --publishers, --triggers >= 1; 1 <= -b <= 1000; "
                    "--rate >= 100"));
  if (out.binary.empty()) out.binary = b::sibling_auraos();
  if (!std::filesystem::exists(out.binary)) return auraos::fail("no binary at " + out.binary);
  return out;
}

/// The 1-minute load average (/proc/loadavg), for the record.
std::string load_average() {
  std::string one;
  std::ifstream{"/proc/loadavg"} >> one;
  return one;
}

/// "p50 X ms, p99 Y ms" of `values`.
std::string p50_p99(const std::vector<double>& values) {
  return fmt::format("p50 {:.2f} ms, p99 {:.2f} ms (max {:.2f}, n {})", b::quantile(values, 0.5),
                     b::quantile(values, 0.99), b::quantile(values, 1.0), values.size());
}

/// Prints one throughput line; false (and the reason) when the case failed or lost events.
bool report_throughput(const std::string& name, std::int64_t events, const b::load_outcome& load,
                       std::int64_t stored, std::int64_t expected_stored) {
  if (!load.error.empty()) {
    fmt::print(stderr, "events_bench FAILED ({}): {}\n", name, load.error);
    return false;
  }
  fmt::print("{}: {} events in {:.3f} s = {:.0f} events/s; per batch {}; load {}\n", name, events,
             load.seconds, double(events) / load.seconds, p50_p99(load.latencies_ms),
             load_average());
  if (stored < 0) return true;
  fmt::print("{}: {} events stored (expected {})\n", name, stored, expected_stored);
  if (stored == expected_stored) return true;
  fmt::print(stderr, "events_bench FAILED ({}): {} events stored, expected {}\n", name, stored,
             expected_stored);
  return false;
}

/// The store case on a fresh node over `db` ("" = SQLite).
bool run_store(const options& opts, const std::string& name, const std::string& db,
               const std::string& body) {
  auto node = b::rest_node::start(opts.binary, db);
  if (!node) {
    fmt::print(stderr, "events_bench FAILED ({}): {}\n", name, node.error());
    return false;
  }
  auto figures = b::measure_store(**node, body, opts.batch, "bench.event", opts.batches,
                                  opts.clients, opts.warmup, opts.count);
  return report_throughput(name, figures.events, figures.load, figures.stored,
                           (opts.batches + opts.warmup) * std::int64_t(opts.batch));
}

bool run_postgres(const options& opts, const std::string& body) {
  auto database = b::bench_database::open("postgresql:throwaway");
  if (!database) {
    fmt::print(stderr, "events_bench FAILED (postgres): {}\n", database.error());
    return false;
  }
  return run_store(opts, "postgres", (*database)->location()->target, body);
}

bool run_redis(const options& opts, const std::vector<std::string>& events) {
  auto redis = b::redis_node::start(opts.redis_server);
  if (!redis) {
    fmt::print(stderr, "events_bench FAILED (redis): {}\n", redis.error());
    return false;
  }
  fmt::print("redis: {} on 127.0.0.1:{} with", opts.redis_server, (*redis)->port());
  for (const auto& arg : (*redis)->arguments()) fmt::print(" {}", arg.empty() ? "\"\"" : arg);
  fmt::print("\n");
  auto warm = b::redis_xadd_load((*redis)->port(), "bench", events, opts.warmup, 1);
  auto load = b::redis_xadd_load((*redis)->port(), "bench", events, opts.batches, opts.clients);
  if (!warm.error.empty()) load.error = warm.error;
  auto stored = load.error.empty() ? b::redis_stream_length((*redis)->port(), "bench") : -1;
  return report_throughput("redis", opts.batches * std::int64_t(events.size()), load,
                           opts.count ? stored : -1,
                           (opts.batches + opts.warmup) * std::int64_t(events.size()));
}

/// Prints the stream case's figures as `name`; false when it failed, lost or doubled events.
bool report_stream(const options& opts, const std::string& name, const b::stream_figures& f) {
  auto sent = f.published.ticks * f.published.per_tick;
  fmt::print("{}: asked {} events/s ({} every {} ms from {} publishers) for {} s; load {}\n",
             name, opts.paced.rate, f.published.per_tick, opts.paced.period.count(),
             opts.paced.publishers, opts.paced.duration.count() / 1000, load_average());
  fmt::print(
      "{}: published {} events, rate achieved {:.0f}/s (tick 0 due to last 201 in "
      "{:.3f} s), latest batch written {:.1f} ms after due; POST {}\n",
      name, sent, double(sent) / f.published.seconds, f.published.seconds,
      f.published.max_lag_ms, p50_p99(f.published.post_ms));
  fmt::print(
      "{}: received {} of {} ({} duplicates), delivered {:.0f}/s (tick 0 due to last "
      "received in {:.3f} s)\n",
      name, f.received, sent, f.duplicates, double(f.received) / f.delivered_seconds,
      f.delivered_seconds);
  fmt::print("{}: publish → SSE latency from the POST's write {}\n", name,
             p50_p99(f.from_send_ms));
  fmt::print("{}: publish → SSE latency from the tick's due time {}\n", name,
             p50_p99(f.from_due_ms));
  if (f.error.empty() && f.received == sent && f.duplicates == 0) return true;
  fmt::print(stderr, "events_bench FAILED ({}): {}{} of {} received, {} duplicates\n", name,
             f.error.empty() ? "" : f.error + "; ", f.received, sent, f.duplicates);
  return false;
}

bool run_stream(const options& opts) {
  auto node = b::rest_node::start(opts.binary, "");
  if (!node) {
    fmt::print(stderr, "events_bench FAILED (stream): {}\n", node.error());
    return false;
  }
  return report_stream(opts, "stream", b::measure_stream(**node, opts.paced));
}

/// The stream case across a cluster: two nodes on a throwaway PostgreSQL, the publishers on
/// n1 and the subscriber on n2 (which hears n1's events by following the shared log).
bool run_cluster_stream(const options& opts) {
  auto database = b::bench_database::open("postgresql:throwaway");
  if (!database) {
    fmt::print(stderr, "events_bench FAILED (cluster): {}\n", database.error());
    return false;
  }
  b::bench_cluster cluster{opts.binary, (*database)->location()->target};
  auto& n1 = cluster.start("n1");
  auto& n2 = cluster.start("n2");
  if (!cluster.wait_spread(n2, {"n1", "n2"})) {
    fmt::print(stderr, "events_bench FAILED (cluster): the shards did not spread\n");
    return false;
  }
  return report_stream(opts, "cluster", b::measure_stream(n2.http_port, n1.http_port, opts.paced));
}

bool run_trigger(const options& opts) {
  auto node = b::rest_node::start(opts.binary, "");
  if (!node) {
    fmt::print(stderr, "events_bench FAILED (trigger): {}\n", node.error());
    return false;
  }
  auto f = b::measure_triggers(**node, opts.triggers, opts.trigger_warmup);
  if (!f.error.empty()) {
    fmt::print(stderr, "events_bench FAILED (trigger): {}\n", f.error);
    return false;
  }
  fmt::print(
      "trigger: {} single events after {} untimed, each after the execution before "
      "started; load {}\n",
      opts.triggers, opts.trigger_warmup, load_average());
  fmt::print("trigger: POST (write to 201) {}\n", p50_p99(f.post_ms));
  fmt::print("trigger: POST → first execution message (status {}, the row exists) {}\n",
             f.first_status, p50_p99(f.created_ms));
  fmt::print("trigger: POST → first message with startedAt (status {}) {}\n", f.started_status,
             p50_p99(f.started_ms));
  fmt::print("trigger: POST → the execution's startedAt stamp (node's wall clock, ms) {}\n",
             p50_p99(f.started_at_ms));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  auto opts = parse(argc, argv);
  if (!opts) {
    fmt::print(stderr, "{}\n", opts.error());
    return 2;
  }
  auto events = b::bench_events("bench.event", opts->batch, 0, 0, opts->paced.pad);
  auto body = b::event_batch(events);
  fmt::print(
      "events_bench: binary {}; {} clients, batches of {} ({} bytes of JSON per event, "
      "{} per POST body); load {}\n",
      opts->binary, opts->clients, opts->batch, events.front().size(), body.size(), load_average());
  bool ok = true;
  try {
    if (opts->cases.count("sqlite")) ok = run_store(*opts, "sqlite", "", body) && ok;
    if (opts->cases.count("postgres")) ok = run_postgres(*opts, body) && ok;
    if (opts->cases.count("redis")) ok = run_redis(*opts, events) && ok;
    if (opts->cases.count("stream")) ok = run_stream(*opts) && ok;
    if (opts->cases.count("trigger")) ok = run_trigger(*opts) && ok;
    if (opts->cases.count("cluster")) ok = run_cluster_stream(*opts) && ok;
  } catch (const std::exception& e) {
    fmt::print(stderr, "events_bench FAILED: {}\n", e.what());
    ok = false;
  }
  b::print_command(argc, argv);
  return ok ? 0 : 1;
}
