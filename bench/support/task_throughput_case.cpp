// tasks_bench: durable no-op task runs per second, enqueued in batches, run to completion.

#include <sstream>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench/support/task_cases.hpp"

namespace auraos::bench {

namespace {

using clock_type = std::chrono::steady_clock;

/// Request timeout of the bench's own connections (polls, checks).
constexpr std::chrono::seconds check_timeout{60};

double seconds_since(clock_type::time_point from) {
  return std::chrono::duration<double>(clock_type::now() - from).count();
}

/// The value of sample `name` (a line `name VALUE`) in a /metrics text; 0 when absent.
double metric_value(const std::string& metrics, const std::string& name) {
  std::istringstream lines{metrics};
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(name + " ", 0) == 0) return std::stod(line.substr(name.size() + 1));
  return 0;
}

/// The store's group commits so far: (count, seconds spent).
std::pair<double, double> commit_totals(test::http_connection& connection) {
  auto reply = connection.request({"GET", "/metrics", "", {}});
  if (reply.status != 200)
    throw std::runtime_error("GET /metrics answered " + std::to_string(reply.status));
  return {metric_value(reply.body, "auraos_store_commit_latency_seconds_count"),
          metric_value(reply.body, "auraos_store_commit_latency_seconds_sum")};
}

/// One batch of `size` runs of `task`.
test::http_call batch_call(const std::string& task, std::int64_t size) {
  auto runs = nlohmann::json::array();
  for (std::int64_t i = 0; i < size; ++i) runs.push_back({{"taskId", task}, {"input", {{"n", i}}}});
  return {"POST",
          "/api/v1/task-batches",
          nlohmann::json{{"runs", runs}}.dump(),
          {{"Content-Type", "application/json"}}};
}

/// Checks the task's metrics after the run: every run completed; the queue waits they show.
void check_completed(test::http_connection& connection, const std::string& task,
                     std::int64_t expected, throughput_figures& out) {
  auto reply = connection.request({"GET", "/api/v1/tasks/" + task + "/metrics", "", {}});
  if (reply.status != 200)
    throw std::runtime_error("GET metrics answered " + std::to_string(reply.status) + ": " +
                             reply.body.substr(0, 300));
  auto metrics = nlohmann::json::parse(reply.body);
  out.completed = metrics["runs"]["completed"].get<std::int64_t>();
  out.queue_wait = metrics["queueWaitMs"].dump();
  if (out.completed != expected)
    out.error = std::to_string(out.completed) + " runs completed of " + std::to_string(expected) +
                " (metrics: " + metrics["runs"].dump() + ")";
}

}  // namespace

std::string create_noop_task(rest_node& node, const std::string& id) {
  nlohmann::json task{{"id", id},
                      {"name", "no-op"},
                      {"type", "transform"},
                      {"config", {{"output", {{"ok", true}}}}}};
  auto reply = node.call(
      {"POST", "/api/v1/tasks", task.dump(), {{"Content-Type", "application/json"}}});
  if (reply.status == 201) return {};
  return "POST /api/v1/tasks answered " + std::to_string(reply.status) + ": " +
         reply.body.substr(0, 300);
}

bool pool_empty(test::http_connection& connection) {
  auto reply = connection.request({"GET", "/api/v1/task-queues", "", {}});
  if (reply.status != 200)
    throw std::runtime_error("GET /api/v1/task-queues answered " + std::to_string(reply.status) +
                             ": " + reply.body.substr(0, 300));
  auto pool = nlohmann::json::parse(reply.body);
  for (const auto& queue : pool["queues"])
    for (const char* place : {"waiting", "delayed", "claimable", "running"})
      if (queue.value(place, std::int64_t{0}) != 0) return false;
  return true;
}

throughput_figures measure_throughput(rest_node& node, const std::string& task,
                                      const throughput_plan& plan) {
  throughput_figures out;
  out.error = create_noop_task(node, task);
  if (!out.error.empty()) return out;
  test::http_connection watcher{"127.0.0.1", node.port(), check_timeout};
  auto [commits_before, commit_seconds_before] = commit_totals(watcher);
  auto batches = plan.runs / plan.batch;
  auto cpu_before = sample_cpu(node.pid());
  auto began = clock_type::now();
  rest_load load{node.port(), batch_call(task, plan.batch), 202, batches, plan.clients};
  while (true) {
    std::this_thread::sleep_for(plan.poll);
    if (load.failed()) break;
    if (load.answered() == batches && pool_empty(watcher)) break;
    if (clock_type::now() - began > plan.deadline) {
      load.stop();
      out.error = "not done after " + std::to_string(plan.deadline.count()) + " s";
      break;
    }
  }
  out.seconds = seconds_since(began);
  out.cpu = usage_between(cpu_before, sample_cpu(node.pid()));
  out.load = load.wait();
  out.enqueue_seconds = out.load.seconds;
  if (!out.load.error.empty()) out.error = out.load.error;
  if (!out.error.empty()) return out;
  auto [commits_after, commit_seconds_after] = commit_totals(watcher);
  out.commits = static_cast<std::int64_t>(commits_after - commits_before);
  if (out.commits > 0)
    out.commit_ms = (commit_seconds_after - commit_seconds_before) * 1000.0 /
                    static_cast<double>(out.commits);
  check_completed(watcher, task, plan.runs, out);
  return out;
}

}  // namespace auraos::bench
