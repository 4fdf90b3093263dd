#pragma once
// The engine in-process for benchmarks: actor system, SQLite store actor and executions service.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>
#include <nlohmann/json_fwd.hpp>

#include "actors/store/commit_stats.hpp"
#include "node/local_node.hpp"
#include "runtime/node_config.hpp"
#include "runtime/result.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::bench {

/// A bench's command line: positional numbers and `--db sqlite:PATH|postgresql://...`.
struct bench_args {
  /// The arguments other than `--db X`, in order.
  std::vector<std::string> positional;
  /// The `--db` value as given; empty: a new SQLite file in a temp dir.
  std::string db;
  /// Positional argument `i` as a number, or `fallback` when absent.
  long number(std::size_t i, long fallback) const;
};

/// Parses argv (argv[0] excluded); an error when `--db` has no value.
result<bench_args, std::string> parse_bench_args(int argc, char** argv);

/// A supervised executions service over a SQLite file in a temp dir, stopped on destruction.
class bench_runtime {
 public:
  /// Starts the system with `threads` scheduler workers and the given passivation idle time;
  /// `on_end` (if set) is called from an actor thread after each execution ended.
  /// `db` (if set) is the store instead of a new SQLite file in a temp dir.
  bench_runtime(int threads, std::chrono::milliseconds passivate_after,
                std::function<void()> on_end = {},
                const std::optional<runtime::database_location>& db = std::nullopt);
  ~bench_runtime();
  bench_runtime(const bench_runtime&) = delete;
  bench_runtime& operator=(const bench_runtime&) = delete;

  /// The actor system.
  caf::actor_system& system();
  /// Stores a workflow definition; false (with a message on stderr) when refused.
  bool put_workflow(const nlohmann::json& definition);
  /// The registered executions service (waits up to 10 s; null if it never registered).
  caf::actor service();
  /// The store actor's commit counters.
  actors::store::commit_stats store_stats();
  /// The service's counters (`activeActors`, `passivations`, ...).
  nlohmann::json counters();
  /// Executions that ended so far.
  std::int64_t finished() const { return finished_->load(); }

 private:
  test::temp_dir dir_;
  std::shared_ptr<std::atomic<std::int64_t>> finished_;
  std::unique_ptr<node::local_node> engine_;
};

/// Resident set size of this process in bytes (/proc/self/statm).
std::int64_t resident_bytes();

/// Prints the machine-independent part of every report: the command that reproduces it.
void print_command(int argc, char** argv);

}  // namespace auraos::bench
