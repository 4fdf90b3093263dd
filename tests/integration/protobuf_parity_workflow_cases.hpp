#pragma once
// Parity cases of the workflow, execution and node routes (see protobuf_parity.hpp).

#include <ctime>
#include <string>
#include <utility>

#include "tests/integration/protobuf_parity.hpp"

namespace auraos::test::parity {

/// A definition using most fields of the language (variables, settings, retry, join, a guarded
/// and an error connection, metadata): a failing shell node recovered by a transform.
inline json rich_definition() {
  return {
      {"name", "parity workflow"},
      {"description", "every kind of field"},
      {"version", "2.1.0"},
      {"tags", {"parity", "parity-list"}},
      {"variables",
       {{{"name", "n"}, {"type", "number"}, {"required", true}},
        {{"name", "label"}, {"type", "string"}, {"default", "none"}}}},
      {"settings", {{"timeoutSeconds", 60}, {"maxParallel", 2}, {"retry", {{"maxAttempts", 1}}}}},
      {"metadata", {{"owner", "parity"}, {"level", 3}}},
      {"nodes",
       {{{"id", "start"},
         {"type", "noop"},
         {"name", "Start"},
         {"position", {{"x", 0}, {"y", 10.5}}}},
        {{"id", "broken"},
         {"type", "shell"},
         {"timeoutSeconds", 10},
         {"config", {{"command", {"sh", "-c", "echo out; echo boom >&2; exit 3"}}}},
         {"retry", {{"maxAttempts", 1}, {"jitter", "none"}, {"retryOn", {"timeout"}}}}},
        {{"id", "recover"},
         {"type", "transform"},
         {"join", "any"},
         {"config",
          {{"output",
            {{"handled", true}, {"twice", "${vars.n * 2}"}, {"label", "${vars.label}"}}}}}},
        {{"id", "skipped"}, {"type", "noop"}}}},
      {"connections",
       {{{"from", "start"}, {"to", "broken"}},
        {{"from", "broken"}, {"to", "recover"}, {"on", "error"}},
        {{"from", "start"}, {"to", "skipped"}, {"when", "${vars.n > 100}"}}}},
      {"output", "${nodes.recover.output}"}};
}

/// Twin workflows: each has its own id, and the times it was stored.
inline const masks workflow_masks{"/id", "/definition/id", "/createdAt", "/updatedAt"};
/// Twin executions: each has its own id, and the times it was created, started and ended (and
/// its duration); everything else (status, input, nodes, counts) must be equal.
inline const masks execution_masks{"/id",
                                   "/createdAt",
                                   "/startedAt",
                                   "/completedAt",
                                   "/nodes/*/startedAt",
                                   "/nodes/*/completedAt",
                                   "/metrics/durationMs"};

inline std::string workflow_path(const std::string& id) {
  return "/api/v1/workflows/" + id;
}
inline std::string execution_path(const std::string& id) {
  return "/api/v1/executions/" + id;
}

/// Two workflows stored from the same definition; their assigned ids.
inline std::pair<std::string, std::string> twin_workflows(harness& h) {
  std::string a = h.expect(201, "POST", "/api/v1/workflows", rich_definition())["id"];
  std::string b = h.expect(201, "POST", "/api/v1/workflows", rich_definition())["id"];
  return {a, b};
}

/// The read fixture: workflow parity-read at revision 2, a second workflow tagged parity-list,
/// and one completed execution of parity-read (a failed, recovered node); the execution's id.
inline std::string completed_execution(harness& h) {
  return h.shared("completed execution", [&] {
    auto definition = rich_definition();
    definition["id"] = "parity-read";
    h.expect(201, "POST", "/api/v1/workflows", definition);
    definition["description"] = "revision two";
    h.expect(200, "PUT", workflow_path("parity-read"), definition);
    definition["id"] = "parity-read-2";
    h.expect(201, "POST", "/api/v1/workflows", definition);
    std::string id = h.expect(202, "POST", workflow_path("parity-read") + "/executions",
                              json{{"input", {{"n", 2}}}})["id"];
    h.wait_status(execution_path(id), "completed");
    return json(id);
  });
}

/// The workflow parity-waiter: waits up to an hour for an `approve` event signalled to the
/// execution; its input needs a number `n`.
inline void waiter_workflow(harness& h) {
  h.shared("waiting workflow", [&] {
    return h.expect(201, "POST", "/api/v1/workflows",
                    {{"id", "parity-waiter"},
                     {"name", "waits for approve"},
                     {"variables", {{{"name", "n"}, {"type", "number"}, {"required", true}}}},
                     {"nodes",
                      {{{"id", "wait"},
                        {"type", "wait_event"},
                        {"config",
                         {{"type", "approve"},
                          {"timeoutSeconds", 3600},
                          {"correlationId", "${execution.id}"}}}}}},
                     {"output", "${nodes.wait.output.data}"}});
  });
}

/// Waits until execution `id` waits for its signal.
inline void wait_waiting(harness& h, const std::string& id) {
  h.wait_for(execution_path(id), [](const json& view) {
    return view["status"] == "running" && view["nodes"][0]["status"] == "waiting";
  });
}

/// Two executions of parity-waiter, both waiting for their signal; their ids.
inline std::pair<std::string, std::string> waiting_twins(harness& h) {
  waiter_workflow(h);
  std::string ids[2];
  for (auto& id : ids) {
    id = h.expect(202, "POST", workflow_path("parity-waiter") + "/executions",
                  json{{"input", {{"n", 1}}}})["id"];
    wait_waiting(h, id);
  }
  return {ids[0], ids[1]};
}

/// POST `action` on each twin, JSON on the first, Protobuf on the second.
inline void control_twins(harness& h, const std::string& operation, int status,
                          const std::pair<std::string, std::string>& twins,
                          const std::string& action) {
  h.same_answer(operation, status, {"POST", execution_path(twins.first) + "/" + action},
                {"POST", execution_path(twins.second) + "/" + action}, execution_masks);
}

/// Both twins reach `status`, so that later reads of the whole store see settled data.
inline void settle(harness& h, const std::pair<std::string, std::string>& twins,
                   const std::string& status) {
  h.wait_status(execution_path(twins.first), status);
  h.wait_status(execution_path(twins.second), status);
}

/// RFC 3339 of now moved by `hours` and cut to the hour.
inline std::string hour_from_now(int hours) {
  auto now = std::time(nullptr) / 3600 * 3600 + hours * 3600;
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:00:00Z", std::gmtime(&now));
  return text;
}

inline void add_workflow_cases(case_table& cases) {
  cases["createWorkflow"] = [](harness& h) {
    request create{"POST", "/api/v1/workflows", rich_definition()};
    h.same_answer("createWorkflow", 201, create, create, workflow_masks);
    // An invalid definition: the same 422 with every error, as auraos.v1.Error.
    request bad{"POST", "/api/v1/workflows",
                json{{"name", "bad"},
                     {"nodes", {{{"id", "a"}, {"type", "shell"}}}},
                     {"connections", {{{"from", "a"}, {"to", "missing"}}}}}};
    h.same_answer("createWorkflow", 422, bad, bad);
  };
  cases["listWorkflows"] = [](harness& h) {
    completed_execution(h);
    h.same_read("listWorkflows", "/api/v1/workflows?tag=parity-list&limit=1");
    h.same_read("listWorkflows", "/api/v1/workflows?q=PARITY&status=draft");
  };
  cases["getWorkflow"] = [](harness& h) {
    completed_execution(h);
    h.same_read("getWorkflow", workflow_path("parity-read"));
    h.same_read("getWorkflow", workflow_path("parity-none"), 404);
  };
  cases["replaceWorkflow"] = [](harness& h) {
    auto [a, b] = twin_workflows(h);
    auto changed = rich_definition();
    changed["name"] = "renamed";
    changed["nodes"].push_back({{"id", "extra"}, {"type", "noop"}});
    h.same_answer("replaceWorkflow", 200, {"PUT", workflow_path(a), changed},
                  {"PUT", workflow_path(b), changed}, workflow_masks);
  };
  cases["setWorkflowStatus"] = [](harness& h) {
    auto [a, b] = twin_workflows(h);
    json patch{{"status", "archived"}};
    h.same_answer("setWorkflowStatus", 200, {"PATCH", workflow_path(a), patch},
                  {"PATCH", workflow_path(b), patch}, workflow_masks);
  };
  cases["deleteWorkflow"] = [](harness& h) {
    auto [a, b] = twin_workflows(h);
    h.same_answer("deleteWorkflow", 204, {"DELETE", workflow_path(a)},
                  {"DELETE", workflow_path(b)});
    // Errors change nothing: the same call in both encodings, the same 404.
    request again{"DELETE", workflow_path(a)};
    h.same_answer("deleteWorkflow", 404, again, again);
  };
  cases["getWorkflowMetrics"] = [](harness& h) {
    completed_execution(h);
    h.same_read("getWorkflowMetrics", workflow_path("parity-read") + "/metrics");
  };
  cases["listWorkflowRevisions"] = [](harness& h) {
    completed_execution(h);
    h.same_read("listWorkflowRevisions", workflow_path("parity-read") + "/revisions");
  };
  cases["getWorkflowRevision"] = [](harness& h) {
    completed_execution(h);
    h.same_read("getWorkflowRevision", workflow_path("parity-read") + "/revisions/1");
  };
}

inline void add_execution_cases(case_table& cases) {
  cases["startExecution"] = [](harness& h) {
    waiter_workflow(h);
    request start{"POST", workflow_path("parity-waiter") + "/executions",
                  json{{"input", {{"n", 7}, {"note", "twin"}}}}};
    auto started = h.same_answer("startExecution", 202, start, start, execution_masks);
    for (const auto& each : {started.in_json, started.in_protobuf})
      if (each.contains("id")) wait_waiting(h, each["id"]);
    // An input without the required variable: the same 422 invalid_input.
    request bad{"POST", start.target, json{{"input", {{"note", "no n"}}}}};
    h.same_answer("startExecution", 422, bad, bad);
  };
  cases["listExecutions"] = [](harness& h) {
    completed_execution(h);
    h.same_read("listExecutions", "/api/v1/executions?workflowId=parity-read&status=completed");
    h.same_read("listExecutions", "/api/v1/executions?workflowId=parity-read&order=newest&limit=1");
  };
  cases["getExecutionMetrics"] = [](harness& h) {
    completed_execution(h);
    h.same_read("getExecutionMetrics", "/api/v1/executions/metrics?from=" + hour_from_now(-1) +
                                           "&to=" + hour_from_now(2) + "&interval=600");
  };
  cases["getExecution"] = [](harness& h) {
    h.same_read("getExecution", execution_path(completed_execution(h)));
    h.same_read("getExecution", execution_path("00000000-0000-4000-8000-000000000000"), 404);
  };
  cases["pauseExecution"] = [](harness& h) {
    auto twins = waiting_twins(h);
    control_twins(h, "pauseExecution", 202, twins, "pause");
    settle(h, twins, "paused");
    // Paused already: the same 409 conflict (the same call twice: errors change nothing).
    request again{"POST", execution_path(twins.first) + "/pause"};
    h.same_answer("pauseExecution", 409, again, again);
  };
  cases["resumeExecution"] = [](harness& h) {
    auto twins = waiting_twins(h);
    h.expect(202, "POST", execution_path(twins.first) + "/pause");
    h.expect(202, "POST", execution_path(twins.second) + "/pause");
    settle(h, twins, "paused");
    control_twins(h, "resumeExecution", 202, twins, "resume");
    settle(h, twins, "running");
  };
  cases["cancelExecution"] = [](harness& h) {
    auto twins = waiting_twins(h);
    control_twins(h, "cancelExecution", 202, twins, "cancel");
    settle(h, twins, "cancelled");
  };
  cases["getExecutionHistory"] = [](harness& h) {
    h.same_read("getExecutionHistory", execution_path(completed_execution(h)) + "/history");
  };
  cases["getExecutionLogs"] = [](harness& h) {
    h.same_read("getExecutionLogs", execution_path(completed_execution(h)) + "/logs?limit=3");
  };
  cases["signalExecution"] = [](harness& h) {
    auto twins = waiting_twins(h);
    json signal{{"name", "approve"}, {"data", {{"ok", true}, {"by", "parity"}}}};
    // Each signal is stored as a new event with its own id.
    h.same_answer("signalExecution", 202, {"POST", execution_path(twins.first) + "/signal", signal},
                  {"POST", execution_path(twins.second) + "/signal", signal}, {"/eventId"});
    settle(h, twins, "completed");
  };
}

inline void add_node_cases(case_table& cases) {
  cases["getCluster"] = [](harness& h) { h.same_read("getCluster", "/api/v1/cluster"); };
  cases["listShards"] = [](harness& h) { h.same_read("listShards", "/api/v1/cluster/shards"); };
  cases["getHealth"] = [](harness& h) { h.same_read("getHealth", "/healthz"); };
  cases["getReadiness"] = [](harness& h) { h.same_read("getReadiness", "/readyz"); };
  cases["getSupervisionTree"] = [](harness& h) {
    h.same_read("getSupervisionTree", "/api/v1/supervision");
  };
}

}  // namespace auraos::test::parity
