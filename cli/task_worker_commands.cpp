// `auraos task batch|claim|heartbeat|complete|fail`: batches of runs, and the calls of an
// external worker (spec/tasks.md "REST"; docs/tasks.md "External workers"), each one REST call.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/task_cli.hpp"
#include "cli/task_tables.hpp"

namespace auraos::cli {
namespace {

using values = std::vector<std::string>;
using kind = call_flag::value_kind;

/// The run path of the first argument plus `suffix`.
std::function<std::string(const values&)> run_call_path(std::string suffix) {
  return [suffix](const values& v) { return run_path(v[0]) + suffix; };
}

const call_flag lease{"--lease", "leaseId", "The lease id of the claim", kind::text, true};

}  // namespace

void add_task_worker_commands(CLI::App& task, int& exit_code) {
  const std::pair<std::string, std::string> run{"RUN_ID", "The run's id"};
  add_call_commands(
      task,
      {{.name = "batch",
        .description = "Start the runs of FILE ({\"runs\": [{taskId, input, ...}]}) together",
        .method = "POST", .arguments = {{"FILE", "The batch (JSON)"}},
        .path = [](const values&) { return std::string{"/api/v1/task-batches"}; },
        .body_from_file = true,
        .table = [](const nlohmann::json& answer) {
          print_run_table(answer.value("runs", nlohmann::json::array()));
        }},
       {.name = "claim",
        .description = "Claim runs of QUEUE as an external worker (long poll up to --wait-seconds)",
        .method = "POST", .arguments = {{"QUEUE", "The queue"}},
        .path = [](const values& v) { return "/api/v1/task-queues/" + query_escape(v[0]) + "/claim"; },
        .body = {{"--worker", "workerId", "This worker's id", kind::text, true},
                 {"--max", "max", "At most this many runs (1-100)", kind::integer},
                 {"--wait-seconds", "waitSeconds", "Wait this long for a run (0-60)",
                  kind::integer}}},
       {.name = "heartbeat", .description = "Renew the lease of claimed run RUN_ID",
        .method = "POST", .arguments = {run}, .path = run_call_path("/heartbeat"),
        .body = {lease}, .table = print_run_details},
       {.name = "complete", .description = "Complete claimed run RUN_ID with its output (--result)",
        .method = "POST", .arguments = {run}, .path = run_call_path("/complete"),
        .body = {lease, {"--result", "output", "The run's output: JSON text or @file", kind::json}},
        .table = print_run_details},
       {.name = "fail", .description = "Fail the attempt of claimed run RUN_ID with --error",
        .method = "POST", .arguments = {run}, .path = run_call_path("/fail"),
        .body = {lease, {"--error", "error", "The error: {\"type\": ..., \"message\": ...} or @file",
                         kind::json, true}},
        .table = print_run_details}},
      exit_code);
}

}  // namespace auraos::cli
