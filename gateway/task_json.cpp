#include "gateway/task_json.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "gateway/resource_json.hpp"

namespace auraos::gateway {
namespace {

/// Parsed stored JSON text (null when absent or unreadable).
nlohmann::json stored(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return nlohmann::json::parse(*text, nullptr, false);
}

nlohmann::json time_or_null(const std::optional<std::int64_t>& ms) {
  return ms ? nlohmann::json(rfc3339_utc(*ms)) : nlohmann::json();
}

/// p50, p95 and p99 of `values` (nearest rank); nulls when there are none.
nlohmann::json percentiles(std::vector<std::int64_t> values) {
  if (values.empty()) return {{"p50", nullptr}, {"p95", nullptr}, {"p99", nullptr}};
  std::sort(values.begin(), values.end());
  auto at = [&](double q) {
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
  };
  return {{"p50", at(0.50)}, {"p95", at(0.95)}, {"p99", at(0.99)}};
}

nlohmann::json amounts(const std::map<std::string, double>& values) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : values) out[name] = value;
  return out;
}

}  // namespace

nlohmann::json task_json(const persistence::task_record& task) {
  auto out = nlohmann::json::parse(task.definition, nullptr, false);
  if (!out.is_object()) out = nlohmann::json::object();
  out["id"] = task.id;
  out["createdAt"] = rfc3339_utc(task.created_at);
  out["updatedAt"] = rfc3339_utc(task.updated_at);
  return out;
}

nlohmann::json task_run_json(const persistence::task_run_record& run) {
  return {{"id", run.id},
          {"taskId", run.task_id},
          {"status", run.status},
          {"input", nlohmann::json::parse(run.input, nullptr, false)},
          {"output", stored(run.output)},
          {"error", stored(run.error)},
          {"attempts", run.attempts},
          {"priority", run.priority},
          {"queue", run.queue},
          {"queuedAt", rfc3339_utc(run.queued_at)},
          {"startedAt", time_or_null(run.started_at)},
          {"completedAt", time_or_null(run.completed_at)},
          {"nextAttemptAt", time_or_null(run.next_attempt_at)},
          {"resourceAllocation", stored(run.resource_allocation)},
          {"worker", run.worker ? nlohmann::json(*run.worker) : nlohmann::json()},
          {"leaseExpiresAt", time_or_null(run.lease_expires_at)},
          {"batchId", run.batch_id ? nlohmann::json(*run.batch_id) : nlohmann::json()},
          {"dependsOn", nlohmann::json::parse(run.depends_on, nullptr, false)},
          {"retryOf", run.retry_of ? nlohmann::json(*run.retry_of) : nlohmann::json()},
          {"executionId", run.execution_id ? nlohmann::json(*run.execution_id) : nlohmann::json()},
          {"nodeId", run.execution_id ? nlohmann::json(run.node_id) : nlohmann::json()},
          {"scheduleTime", time_or_null(run.schedule_time)}};
}

nlohmann::json task_log_json(const std::vector<persistence::task_log_line>& lines) {
  auto out = nlohmann::json::array();
  for (const auto& line : lines)
    out.push_back({{"seq", line.seq},
                   {"at", rfc3339_utc(line.at)},
                   {"stream", line.stream},
                   {"line", line.text}});
  return out;
}

nlohmann::json task_metrics_json(const persistence::task_run_figures& figures) {
  auto count = [&](const char* status) {
    auto it = figures.counts.find(status);
    return it == figures.counts.end() ? std::int64_t{0} : it->second;
  };
  std::int64_t total = 0;
  for (const auto& [status, n] : figures.counts) total += n;
  auto queued = count("queued") + count("retrying");
  auto failed = count("failed") + count("timed_out");
  auto ended = count("completed") + failed;
  return {{"runs",
           {{"total", total},
            {"queued", queued},
            {"running", count("running")},
            {"completed", count("completed")},
            {"failed", failed},
            {"cancelled", count("cancelled")}}},
          {"durationMs", percentiles(figures.durations_ms)},
          {"queueWaitMs", percentiles(figures.queue_waits_ms)},
          {"successRate", ended == 0 ? nlohmann::json()
                                     : nlohmann::json(static_cast<double>(count("completed")) /
                                                      static_cast<double>(ended))}};
}

nlohmann::json pool_json(const actors::tasks::pool_figures& pool) {
  auto queues = nlohmann::json::array();
  for (const auto& q : pool.queues) {
    auto depth = nlohmann::json::object();
    std::int64_t waiting = 0;
    for (auto it = q.waiting.rbegin(); it != q.waiting.rend(); ++it) {
      depth[std::to_string(it->first)] = it->second;
      waiting += it->second;
    }
    queues.push_back({{"queue", q.queue},
                      {"depthByPriority", depth},
                      {"waiting", waiting},
                      {"delayed", q.delayed},
                      {"claimable", q.claimable},
                      {"running", q.running},
                      {"inUse", amounts(q.in_use)}});
  }
  return {{"capacity", amounts(pool.capacity)},
          {"inUse", amounts(pool.in_use)},
          {"workers", pool.workers},
          {"running", pool.running},
          {"agingSeconds", pool.aging_seconds},
          {"queues", queues}};
}

}  // namespace auraos::gateway
