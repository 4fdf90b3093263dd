#pragma once
// tasks_bench's peer: graphile-worker (bench/peers/graphile/run.mjs, run by the Node that
// package installs) on a database of the bench's throwaway PostgreSQL.

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/result.hpp"

namespace auraos::bench {

/// How graphile-worker runs: worker processes × concurrent jobs in each.
struct graphile_setting {
  int instances = 1;     ///< Worker processes.
  int concurrency = 24;  ///< concurrentJobs of each.
};

/// Parses "1x24,2x24" (instances x concurrency, comma-separated).
result<std::vector<graphile_setting>, std::string> parse_graphile_settings(const std::string& text);

/// What every run of the peer does.
struct graphile_plan {
  std::string node;         ///< The Node binary (>= 22.18).
  std::string script;       ///< run.mjs.
  std::int64_t jobs = 20000;
  std::int64_t batch = 1000;  ///< Jobs per addJobs call.
  int clients = 4;            ///< Concurrent addJobs callers.
  int local_queue = 500;      ///< localQueue.size (at least concurrency + 1).
  int poll_ms = 25;           ///< Between looks for jobs left.
};

/// What one run measured (the script's JSON line).
struct graphile_figures {
  double enqueue_seconds = 0;  ///< First addJobs to the last one resolved.
  double seconds = 0;          ///< First addJobs to no job left in the table.
  std::int64_t succeeded = 0;  ///< Jobs the workers ran successfully.
  double machine_busy = 0;     ///< Share of all cores busy during the timed part.
  std::string node_version;    ///< The Node that ran it.
  std::string error;           ///< What went wrong; empty when nothing.
};

/// The default locations under `peers_dir` (bench/peers): its Node and run.mjs.
graphile_plan default_graphile_plan(const std::string& peers_dir);

/// Runs the peer once on the empty database `url`.
graphile_figures run_graphile(const graphile_plan& plan, const graphile_setting& setting,
                              const std::string& url);

}  // namespace auraos::bench
