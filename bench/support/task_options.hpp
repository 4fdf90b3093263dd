#pragma once
// The command line of tasks_bench (usage at the top of bench/tasks_bench.cpp).

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "bench/support/graphile_peer.hpp"
#include "bench/support/paced_publisher.hpp"
#include "bench/support/task_cases.hpp"
#include "runtime/result.hpp"

namespace auraos::bench {

/// What tasks_bench was asked to do.
struct task_options {
  throughput_plan plan;                      ///< Runs, batch size, clients of each run.
  int rounds = 3;                            ///< Rounds of every throughput case.
  std::vector<std::int64_t> workers{16, 32, 64};  ///< Pool workers settings tried.
  std::vector<graphile_setting> graphile{{1, 24}, {1, 64}, {2, 24}};  ///< Peer settings tried.
  graphile_plan peer;                        ///< How the peer runs (Node, script, batches).
  pace steady;                               ///< The steady case's pace.
  std::int64_t steady_batch = 10;            ///< Runs per POST of the steady case.
  std::vector<std::int64_t> steady_workers{0};  ///< Pool workers of the steady case; 0 = default.
  std::set<std::string> cases{"pg", "sqlite", "graphile", "steady"};
  std::string binary;                        ///< The `auraos` binary.
};

/// Parses the command line; the message to print (exit 2) when it is wrong.
result<task_options, std::string> parse_task_options(int argc, char** argv);

}  // namespace auraos::bench
