#pragma once
// Parity cases of the task routes: definitions, runs, batches, schedules, the pool's queues and
// external workers (see protobuf_parity.hpp).

#include <string>
#include <utility>
#include <vector>

#include "tests/integration/protobuf_parity.hpp"

namespace auraos::test::parity {

/// Twin tasks: each has its own id, and the times it was stored.
inline const masks task_masks{"/id", "/createdAt", "/updatedAt"};
/// Twin runs: each has its own id, and the times it was queued, started, ended and leased until.
inline const masks run_masks{"/id", "/queuedAt", "/startedAt", "/completedAt", "/leaseExpiresAt"};

inline std::string task_path(const std::string& id) {
  return "/api/v1/tasks/" + id;
}
inline std::string run_path(const std::string& id) {
  return "/api/v1/task-executions/" + id;
}

/// A definition using every field: a dependency, resources, retry, timeout, priority, queue,
/// concurrency, rate limit, tags and metadata.
inline json rich_task(const std::string& id) {
  return {{"id", id},
          {"name", "parity task"},
          {"description", "every field"},
          {"type", "shell"},
          {"config", {{"command", {"sh", "-c", "echo ${input.x}"}}}},
          {"dependencies", {{{"taskId", "parity-shell"}, {"condition", "completion"}}}},
          {"resources", {{"cpu", 0.25}, {"memoryMiB", 64}}},
          {"retryPolicy",
           {{"maxAttempts", 3},
            {"initialIntervalSeconds", 0.5},
            {"backoffRate", 1.5},
            {"jitter", "none"},
            {"retryOn", {"exit_code"}}}},
          {"timeout", 30},
          {"priority", -3},
          {"queue", "parity-create"},
          {"concurrency", {{"limit", 2}, {"key", "${input.x}"}}},
          {"rateLimit", {{"runs", 10}, {"perSeconds", 1.5}}},
          {"tags", {"parity"}},
          {"metadata", {{"team", "parity"}, {"n", 1}}}};
}

/// The read fixture: shell task parity-shell and transform task parity-transform (both tagged
/// parity-list), and one completed run of parity-shell with stdout and stderr; the run's id.
inline std::string completed_run(harness& h) {
  return h.shared("completed run", [&] {
    h.expect(
        201, "POST", "/api/v1/tasks",
        {{"id", "parity-shell"},
         {"name", "parity shell"},
         {"type", "shell"},
         {"config", {{"command", {"sh", "-c", "echo hello; echo warn >&2; echo '{\"v\": 1}'"}}}},
         {"resources", {{"cpu", 0.5}}},
         {"priority", 5},
         {"tags", {"parity-list"}},
         {"metadata", {{"owner", "parity"}}}});
    h.expect(201, "POST", "/api/v1/tasks",
             {{"id", "parity-transform"},
              {"name", "parity transform"},
              {"type", "transform"},
              {"config", {{"output", "${input}"}}},
              {"tags", {"parity-list"}}});
    std::string id = h.expect(202, "POST", task_path("parity-shell") + "/executions",
                              json{{"input", {{"who", "parity"}}}})["id"];
    h.wait_status(run_path(id), "completed");
    return json(id);
  });
}

/// External task `id` whose runs wait in queue `id` (leases of ten minutes): no run of it moves
/// unless a case moves it.
inline void external_task(harness& h, const std::string& id) {
  h.expect(201, "POST", "/api/v1/tasks",
           {{"id", id},
            {"name", id},
            {"type", "external"},
            {"queue", id},
            {"config", {{"heartbeatSeconds", 600}}}});
}

/// Two queued runs of a new external task `id`, with equal input; their ids.
inline std::pair<std::string, std::string> queued_twins(harness& h, const std::string& id) {
  external_task(h, id);
  std::string ids[2];
  for (auto& run : ids)
    run = h.expect(202, "POST", task_path(id) + "/executions", json{{"input", {{"n", 1}}}})["id"];
  return {ids[0], ids[1]};
}

/// Waits until queue `queue` has `count` claimable runs.
inline void wait_claimable(harness& h, const std::string& queue, int count) {
  h.wait_for("/api/v1/task-queues", [&](const json& pool) {
    for (const auto& each : pool["queues"])
      if (each["queue"] == queue) return each["claimable"] == count;
    return false;
  });
}

/// The claimed items ({runId, leaseId, ...}) of two runs of a new external task `id`.
inline std::pair<json, json> claimed_twins(harness& h, const std::string& id) {
  queued_twins(h, id);
  wait_claimable(h, id, 2);
  auto items = h.expect(200, "POST", "/api/v1/task-queues/" + id + "/claim",
                        json{{"workerId", "parity-worker"}, {"max", 2}})["items"];
  if (items.size() != 2u) throw setup_failed("claimed " + items.dump());
  return {items[0], items[1]};
}

/// POSTs `body` with each twin's lease to its run's `action`, JSON first, Protobuf second.
inline void worker_twins(harness& h, const std::string& operation, int status,
                         const std::pair<json, json>& twins, const std::string& action, json body) {
  auto a = body, b = body;
  a["leaseId"] = twins.first["leaseId"];
  b["leaseId"] = twins.second["leaseId"];
  h.same_answer(operation, status, {"POST", run_path(twins.first["runId"]) + "/" + action, a},
                {"POST", run_path(twins.second["runId"]) + "/" + action, b}, run_masks);
}

/// Two tasks parity-NAME-a and -b, each with `schedule` unless it is null.
inline std::pair<std::string, std::string> twin_tasks(harness& h, const std::string& name,
                                                      const json& schedule = nullptr) {
  std::string ids[2] = {"parity-" + name + "-a", "parity-" + name + "-b"};
  for (const auto& id : ids) {
    h.expect(
        201, "POST", "/api/v1/tasks",
        {{"id", id}, {"name", id}, {"type", "transform"}, {"config", {{"output", "${input}"}}}});
    if (!schedule.is_null()) h.expect(200, "PUT", task_path(id) + "/schedule", schedule);
  }
  return {ids[0], ids[1]};
}

/// A yearly schedule: nothing fires while the suite runs.
inline json yearly_schedule() {
  return {{"cron", "0 3 1 1 *"},
          {"timezone", "Europe/Berlin"},
          {"input", {{"from", "schedule"}}},
          {"overlap", "buffer_one"},
          {"catchupWindowSeconds", 120}};
}

inline void add_task_definition_cases(case_table& cases) {
  cases["createTask"] = [](harness& h) {
    completed_run(h);
    h.same_answer("createTask", 201, {"POST", "/api/v1/tasks", rich_task("parity-create-a")},
                  {"POST", "/api/v1/tasks", rich_task("parity-create-b")}, task_masks);
    request taken{"POST", "/api/v1/tasks",
                  json{{"id", "parity-transform"},
                       {"name", "again"},
                       {"type", "transform"},
                       {"config", {{"output", 1}}}}};
    h.same_answer("createTask", 409, taken, taken);
    request bad{"POST", "/api/v1/tasks", json{{"id", "x"}, {"name", "x"}, {"type", "shell"}}};
    h.same_answer("createTask", 422, bad, bad);
  };
  cases["listTasks"] = [](harness& h) {
    completed_run(h);
    h.same_read("listTasks", "/api/v1/tasks?tag=parity-list&limit=1");
    h.same_read("listTasks", "/api/v1/tasks?type=shell&tag=parity-list");
  };
  cases["getTask"] = [](harness& h) {
    completed_run(h);
    h.same_read("getTask", task_path("parity-shell"));
    h.same_read("getTask", task_path("parity-none"), 404);
  };
  cases["replaceTask"] = [](harness& h) {
    completed_run(h);
    for (const auto* id : {"parity-replace-a", "parity-replace-b"})
      h.expect(201, "POST", "/api/v1/tasks", rich_task(id));
    auto changed = rich_task("");
    changed.erase("id");
    changed["priority"] = 0;
    changed["tags"] = json::array();
    h.same_answer("replaceTask", 200, {"PUT", task_path("parity-replace-a"), changed},
                  {"PUT", task_path("parity-replace-b"), changed}, task_masks);
  };
  cases["deleteTask"] = [](harness& h) {
    auto [a, b] = twin_tasks(h, "delete");
    h.same_answer("deleteTask", 204, {"DELETE", task_path(a)}, {"DELETE", task_path(b)});
  };
  cases["getTaskMetrics"] = [](harness& h) {
    completed_run(h);
    h.same_read("getTaskMetrics", task_path("parity-shell") + "/metrics");
  };
  cases["putSchedule"] = [](harness& h) {
    auto [a, b] = twin_tasks(h, "schedule");
    // Each schedule names its own task and the times it was stored.
    h.same_answer("putSchedule", 200, {"PUT", task_path(a) + "/schedule", yearly_schedule()},
                  {"PUT", task_path(b) + "/schedule", yearly_schedule()},
                  {"/taskId", "/createdAt", "/updatedAt"});
    request bad{"PUT", task_path(a) + "/schedule", json{{"cron", "0 0 30 2 *"}, {"every", 5}}};
    h.same_answer("putSchedule", 422, bad, bad);
  };
  cases["getSchedule"] = [](harness& h) {
    h.shared("scheduled task",
             [&] { return json(twin_tasks(h, "scheduled", yearly_schedule()).first); });
    h.same_read("getSchedule", task_path("parity-scheduled-a") + "/schedule");
    h.same_read("getSchedule", task_path("parity-transform") + "/schedule", 404);
  };
  cases["deleteSchedule"] = [](harness& h) {
    auto [a, b] = twin_tasks(h, "unschedule", yearly_schedule());
    h.same_answer("deleteSchedule", 204, {"DELETE", task_path(a) + "/schedule"},
                  {"DELETE", task_path(b) + "/schedule"});
  };
}

inline void add_task_run_cases(case_table& cases) {
  cases["startTaskRun"] = [](harness& h) {
    external_task(h, "parity-start");
    request start{"POST", task_path("parity-start") + "/executions",
                  json{{"input", {{"x", {1, 2.5, "three"}}, {"y", nullptr}}}}};
    h.same_answer("startTaskRun", 202, start, start, run_masks);
  };
  cases["startTaskBatch"] = [](harness& h) {
    external_task(h, "parity-batch");
    json batch{
        {"runs",
         {{{"taskId", "parity-batch"}, {"input", {{"i", 1}}}}, {{"taskId", "parity-batch"}}}}};
    // Each batch and each of its runs has its own id; the runs their queue times.
    h.same_answer("startTaskBatch", 202, {"POST", "/api/v1/task-batches", batch},
                  {"POST", "/api/v1/task-batches", batch},
                  {"/batchId", "/runs/*/id", "/runs/*/batchId", "/runs/*/queuedAt"});
    request bad{"POST", "/api/v1/task-batches", json{{"runs", {{{"taskId", "parity-none"}}}}}};
    h.same_answer("startTaskBatch", 422, bad, bad);
  };
  cases["listTaskRuns"] = [](harness& h) {
    completed_run(h);
    h.same_read("listTaskRuns", "/api/v1/task-executions?taskId=parity-shell&status=completed");
    h.same_read("listTaskRuns", "/api/v1/task-executions?taskId=parity-shell&limit=1");
  };
  cases["getTaskRun"] = [](harness& h) {
    h.same_read("getTaskRun", run_path(completed_run(h)));
    h.same_read("getTaskRun", run_path("parity-none"), 404);
  };
  cases["getTaskRunLogs"] = [](harness& h) {
    h.same_read("getTaskRunLogs", run_path(completed_run(h)) + "/logs");
  };
  cases["cancelTaskRun"] = [](harness& h) {
    auto [a, b] = queued_twins(h, "parity-cancel");
    h.same_answer("cancelTaskRun", 202, {"POST", run_path(a) + "/cancel"},
                  {"POST", run_path(b) + "/cancel"}, run_masks);
    h.wait_status(run_path(a), "cancelled");
    h.wait_status(run_path(b), "cancelled");
    // Errors change nothing: the same call in both encodings, the same 409.
    request again{"POST", run_path(a) + "/cancel"};
    h.same_answer("cancelTaskRun", 409, again, again);
  };
  cases["retryTaskRun"] = [](harness& h) {
    auto [a, b] = queued_twins(h, "parity-retry");
    for (const auto& id : {a, b}) {
      h.expect(202, "POST", run_path(id) + "/cancel");
      h.wait_status(run_path(id), "cancelled");
    }
    // A retry is a new run of its own, retrying its own twin.
    auto masked_paths = run_masks;
    masked_paths.push_back("/retryOf");
    h.same_answer("retryTaskRun", 202, {"POST", run_path(a) + "/retry"},
                  {"POST", run_path(b) + "/retry"}, masked_paths);
  };
  cases["getTaskQueues"] = [](harness& h) { h.same_read("getTaskQueues", "/api/v1/task-queues"); };
  cases["claimTaskRuns"] = [](harness& h) {
    queued_twins(h, "parity-claim");
    wait_claimable(h, "parity-claim", 2);
    request claim{"POST", "/api/v1/task-queues/parity-claim/claim",
                  json{{"workerId", "parity-worker"}, {"max", 1}, {"waitSeconds", 1}}};
    // Each claim takes one of the twin runs, with a lease of its own.
    h.same_answer("claimTaskRuns", 200, claim, claim,
                  {"/items/*/runId", "/items/*/leaseId", "/items/*/leaseExpiresAt"});
    request bad{"POST", claim.target, json::object()};
    h.same_answer("claimTaskRuns", 400, bad, bad);
  };
  cases["heartbeatTaskRun"] = [](harness& h) {
    auto twins = claimed_twins(h, "parity-heartbeat");
    worker_twins(h, "heartbeatTaskRun", 200, twins, "heartbeat", json::object());
    request stale{"POST", run_path(twins.first["runId"]) + "/heartbeat",
                  json{{"leaseId", "stale"}}};
    h.same_answer("heartbeatTaskRun", 409, stale, stale);
  };
  cases["completeTaskRun"] = [](harness& h) {
    auto twins = claimed_twins(h, "parity-complete");
    worker_twins(h, "completeTaskRun", 202, twins, "complete",
                 {{"output", {{"ok", true}, {"list", {1, {{"a", nullptr}}}}}}});
    h.wait_status(run_path(twins.first["runId"]), "completed");
    h.wait_status(run_path(twins.second["runId"]), "completed");
  };
  cases["failTaskRun"] = [](harness& h) {
    auto twins = claimed_twins(h, "parity-fail");
    worker_twins(h, "failTaskRun", 202, twins, "fail",
                 {{"error", {{"type", "upstream"}, {"message", "it broke"}}}});
    h.wait_status(run_path(twins.first["runId"]), "failed");
    h.wait_status(run_path(twins.second["runId"]), "failed");
  };
}

}  // namespace auraos::test::parity
