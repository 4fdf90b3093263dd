#pragma once
// The cases tasks_bench measures on a real node (`rest_node`): durable no-op task runs per
// second (runs enqueued in batches, timed until the last one completed), and the queue wait of
// runs started at a steady paced rate.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "bench/support/cpu_usage.hpp"
#include "bench/support/paced_publisher.hpp"
#include "bench/support/rest_load.hpp"
#include "bench/support/rest_node.hpp"

namespace auraos::bench {

/// Stores the no-op task `id` on `node` (type transform, a constant output); empty when done,
/// else why not.
std::string create_noop_task(rest_node& node, const std::string& id);

/// True when the pool of the node behind `connection` holds no run: none waiting, delayed,
/// claimable or running (`GET /api/v1/task-queues`); throws on an answer other than 200.
bool pool_empty(test::http_connection& connection);

/// What the throughput case does.
struct throughput_plan {
  std::int64_t runs = 20000;            ///< Runs enqueued (a multiple of `batch`).
  std::int64_t batch = 1000;            ///< Runs per `POST /api/v1/task-batches`.
  int clients = 4;                      ///< Client threads, one connection each.
  std::chrono::milliseconds poll{25};   ///< Between looks at `GET /api/v1/task-queues`.
  std::chrono::seconds deadline{600};   ///< A run not done by then fails the case.
};

/// What the throughput case measured.
struct throughput_figures {
  double enqueue_seconds = 0;  ///< First POST written to the last one answered.
  double seconds = 0;          ///< First POST written to the pool seen empty.
  load_outcome load;           ///< Each batch POST's latency.
  std::int64_t completed = 0;  ///< Runs the task's metrics count completed afterwards.
  std::int64_t commits = 0;    ///< The store's group commits during the run (/metrics).
  double commit_ms = 0;        ///< Their mean latency.
  cpu_usage cpu;               ///< The node's CPU seconds and the machine's busy share.
  std::string queue_wait;      ///< The metrics' queueWaitMs as JSON text.
  std::string error;           ///< What went wrong; empty when nothing.
};

/// Creates the no-op task `task`, enqueues `plan.runs` runs of it in batches from
/// `plan.clients` threads, and waits until the pool holds none (each run leaves it once its
/// end is stored); then checks that the task's metrics count them all completed.
throughput_figures measure_throughput(rest_node& node, const std::string& task,
                                      const throughput_plan& plan);

/// What the steady case measured.
struct steady_figures {
  paced_outcome sent;                 ///< What the paced senders did.
  std::int64_t completed = 0;         ///< Runs listed completed afterwards.
  std::vector<double> queue_wait_ms;  ///< startedAt − queuedAt of each completed run.
  std::vector<double> run_ms;         ///< completedAt − queuedAt of each completed run.
  double drain_seconds = 0;           ///< From the last answer until the pool was empty.
  std::string error;                  ///< What went wrong; empty when nothing.
};

/// Creates the no-op task `task` and starts its runs at the pace of `p` (a batch of
/// `rate × period` runs every `period` through `POST /api/v1/task-batches`), waits until the
/// pool is empty, then reads every run's stored times (`GET /api/v1/task-executions`).
steady_figures measure_steady(rest_node& node, const std::string& task, const pace& p);

}  // namespace auraos::bench
