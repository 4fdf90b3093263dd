// tasks_bench: the queue wait of no-op runs started at a steady paced rate.

#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench/support/task_cases.hpp"
#include "runtime/rfc3339.hpp"

namespace auraos::bench {

namespace {

using clock_type = std::chrono::steady_clock;

/// Milliseconds from RFC 3339 time `from` to `to` (as the API writes them).
double ms_between(const nlohmann::json& from, const nlohmann::json& to) {
  auto a = runtime::parse_rfc3339(from.get<std::string>());
  auto b = runtime::parse_rfc3339(to.get<std::string>());
  if (!a || !b) throw std::runtime_error("unreadable time " + from.dump() + " or " + to.dump());
  return std::chrono::duration<double, std::milli>(*b - *a).count();
}

/// Walks every stored run of `task` and records the times of the completed ones.
void read_runs(std::uint16_t port, const std::string& task, steady_figures& out) {
  test::http_connection connection{"127.0.0.1", port, std::chrono::seconds(60)};
  std::string cursor;
  std::int64_t listed = 0;
  while (true) {
    auto reply = connection.request(
        {"GET",
         "/api/v1/task-executions?limit=1000&taskId=" + task +
             (cursor.empty() ? "" : "&cursor=" + cursor),
         "",
         {}});
    if (reply.status != 200)
      throw std::runtime_error("GET /api/v1/task-executions answered " +
                               std::to_string(reply.status) + ": " + reply.body.substr(0, 300));
    auto page = nlohmann::json::parse(reply.body);
    for (const auto& run : page["items"]) {
      ++listed;
      if (run["status"] != "completed") continue;
      ++out.completed;
      out.queue_wait_ms.push_back(ms_between(run["queuedAt"], run["startedAt"]));
      out.run_ms.push_back(ms_between(run["queuedAt"], run["completedAt"]));
    }
    if (!page["nextCursor"].is_string()) break;
    cursor = page["nextCursor"].get<std::string>();
  }
  auto sent = out.sent.ticks * out.sent.per_tick;
  if (listed != sent || out.completed != sent)
    out.error = std::to_string(listed) + " runs listed and " + std::to_string(out.completed) +
                " completed of " + std::to_string(sent) + " started";
}

}  // namespace

steady_figures measure_steady(rest_node& node, const std::string& task, const pace& p) {
  steady_figures out;
  out.error = create_noop_task(node, task);
  if (!out.error.empty()) return out;
  out.sent = send_paced(
      node.port(), p,
      [&task](std::int64_t tick, std::int64_t per_tick, clock_type::time_point) {
        auto runs = nlohmann::json::array();
        for (std::int64_t i = 0; i < per_tick; ++i)
          runs.push_back({{"taskId", task}, {"input", {{"tick", tick}, {"n", i}}}});
        return test::http_call{"POST",
                               "/api/v1/task-batches",
                               nlohmann::json{{"runs", runs}}.dump(),
                               {{"Content-Type", "application/json"}}};
      },
      202);
  if (!out.sent.error.empty()) {
    out.error = out.sent.error;
    return out;
  }
  auto last = out.sent.start + std::chrono::duration_cast<clock_type::duration>(
                                   std::chrono::duration<double>(out.sent.seconds));
  test::http_connection watcher{"127.0.0.1", node.port(), std::chrono::seconds(60)};
  auto until = clock_type::now() + std::chrono::seconds(120);
  while (!pool_empty(watcher)) {
    if (clock_type::now() > until) {
      out.error = "runs still in the pool 120 s after the last batch";
      return out;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  out.drain_seconds = std::chrono::duration<double>(clock_type::now() - last).count();
  read_runs(node.port(), task, out);
  return out;
}

}  // namespace auraos::bench
