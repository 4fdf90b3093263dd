// Tables and summaries of tasks, runs, queues and schedules.

#include "cli/task_tables.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/text_table.hpp"

namespace auraos::cli {
namespace {

/// "name=value, ..." of a JSON object of amounts ("-" when empty).
std::string amounts(const nlohmann::json& values) {
  std::string text;
  if (values.is_object())
    for (const auto& [name, value] : values.items())
      text += (text.empty() ? "" : ", ") + name + "=" + cell(value);
  return text.empty() ? "-" : text;
}

/// "p50 A, p95 B, p99 C" of a percentiles object.
std::string percentiles(const nlohmann::json& figures) {
  return "p50 " + field(figures, "p50") + ", p95 " + field(figures, "p95") + ", p99 " +
         field(figures, "p99");
}

}  // namespace

void print_task_table(const nlohmann::json& tasks) {
  text_table table{{"ID", "TYPE", "QUEUE", "PRIORITY", "TAGS", "NAME"}};
  for (const auto& task : tasks) {
    std::string tags;
    if (task.contains("tags") && task["tags"].is_array())
      for (const auto& tag : task["tags"]) tags += (tags.empty() ? "" : ",") + cell(tag);
    table.add({field(task, "id"), field(task, "type"), field(task, "queue"),
               field(task, "priority"), tags.empty() ? "-" : tags, field(task, "name")});
  }
  table.print();
}

void print_run_table(const nlohmann::json& runs) {
  text_table table{{"ID", "TASK", "STATUS", "ATTEMPTS", "QUEUED", "STARTED", "ENDED"}};
  for (const auto& run : runs)
    table.add({field(run, "id"), field(run, "taskId"), field(run, "status"), field(run, "attempts"),
               field(run, "queuedAt"), field(run, "startedAt"), field(run, "completedAt")});
  table.print();
}

void print_run_details(const nlohmann::json& run) {
  print_run_table(nlohmann::json::array({run}));
  for (const char* name : {"output", "error", "worker", "retryOf", "executionId"})
    if (run.contains(name) && !run[name].is_null())
      std::printf("%s: %s\n", name, cell(run[name]).c_str());
}

void print_log_lines(const nlohmann::json& lines) {
  for (const auto& line : lines)
    std::printf("%s [%s] %s\n", field(line, "at").c_str(), field(line, "stream").c_str(),
                line.value("line", std::string{}).c_str());
}

void print_queue_table(const nlohmann::json& pool) {
  text_table table{
      {"QUEUE", "WAITING", "BY PRIORITY", "DELAYED", "CLAIMABLE", "RUNNING", "IN USE"}};
  if (pool.contains("queues") && pool["queues"].is_array())
    for (const auto& q : pool["queues"])
      table.add({field(q, "queue"), field(q, "waiting"),
                 amounts(q.value("depthByPriority", nlohmann::json())), field(q, "delayed"),
                 field(q, "claimable"), field(q, "running"),
                 amounts(q.value("inUse", nlohmann::json()))});
  table.print();
  std::printf("capacity: %s; in use: %s; workers %s, running %s\n",
              amounts(pool.value("capacity", nlohmann::json())).c_str(),
              amounts(pool.value("inUse", nlohmann::json())).c_str(),
              field(pool, "workers").c_str(), field(pool, "running").c_str());
}

void print_task_metrics(const nlohmann::json& metrics) {
  auto runs = metrics.value("runs", nlohmann::json::object());
  std::printf("runs: total %s, queued %s, running %s, completed %s, failed %s, cancelled %s\n",
              field(runs, "total").c_str(), field(runs, "queued").c_str(),
              field(runs, "running").c_str(), field(runs, "completed").c_str(),
              field(runs, "failed").c_str(), field(runs, "cancelled").c_str());
  std::printf("duration ms: %s\n",
              percentiles(metrics.value("durationMs", nlohmann::json())).c_str());
  std::printf("queue wait ms: %s\n",
              percentiles(metrics.value("queueWaitMs", nlohmann::json())).c_str());
  std::printf("success rate: %s\n", field(metrics, "successRate").c_str());
}

void print_schedule(const nlohmann::json& schedule) {
  std::string trigger = "at " + field(schedule, "at");
  if (schedule.contains("cron"))
    trigger = "cron " + field(schedule, "cron") + " (" + schedule.value("timezone", "UTC") + ")";
  else if (schedule.contains("every"))
    trigger = "every " + field(schedule, "every") + " s";
  auto window = schedule.contains("catchupWindowSeconds") ? field(schedule, "catchupWindowSeconds")
                                                          : std::string{"60"};
  std::printf("task: %s\ntrigger: %s\n", field(schedule, "taskId").c_str(), trigger.c_str());
  std::printf("overlap: %s; catch-up window: %s s; paused: %s\n",
              schedule.value("overlap", "skip").c_str(), window.c_str(),
              schedule.value("paused", false) ? "yes" : "no");
  std::printf("last fire time: %s; skipped: %s\n", field(schedule, "lastFireTime").c_str(),
              field(schedule.value("skipped", nlohmann::json()), "count").c_str());
  std::printf("next fire times:\n");
  if (schedule.contains("nextFireTimes") && schedule["nextFireTimes"].is_array())
    for (const auto& at : schedule["nextFireTimes"]) std::printf("  %s\n", cell(at).c_str());
}

}  // namespace auraos::cli
