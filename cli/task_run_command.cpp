// `auraos task run|runs|status|cancel|retry|logs`: a task's runs on a node (spec/tasks.md).

#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/json_flag.hpp"
#include "cli/task_cli.hpp"
#include "cli/task_run_wait.hpp"
#include "cli/task_tables.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

int run(const start_flags& flags) {
  auto reply = post_start(flags, task_path(flags.id) + "/executions");
  if (!reply) return reply.error();
  if (!flags.wait) return print_answer(flags.client, *reply, print_run_details);
  auto id = started_id(*reply);
  if (!id) return id.error();
  return wait_for_run(flags.client, *id);
}

/// The flags of `auraos task runs`.
struct runs_flags {
  client_flags client;
  page_flags page;
  std::string task, status;
};

int runs(const runs_flags& flags) {
  return list_page(flags.client, flags.page, "/api/v1/task-executions",
                   query_pair("taskId", flags.task) + query_pair("status", flags.status),
                   print_run_table);
}

/// An id command that sends `method` to the run's path plus `suffix` and prints the run.
id_action run_call(const char* method, std::string suffix) {
  return id_call(method, [suffix](const std::string& id) { return run_path(id) + suffix; },
                 print_run_details);
}

/// Every log line of a run, following the pages; the exit code.
int logs(const id_flags& flags) {
  auto lines = read_every_page(flags.client, run_path(flags.id) + "/logs", "logs");
  if (!lines) return lines.error();
  if (flags.client.json())
    print_items_json(*lines);
  else
    print_log_lines(*lines);
  return exit_ok;
}

void add_run(CLI::App& task, int& exit_code) {
  auto flags = std::make_shared<start_flags>();
  auto* command =
      task.add_subcommand("run", "Start a run of task ID (--wait: follow it to its end)");
  command->add_option("ID", flags->id, "The task's id")->required();
  flags->add_to(*command, "Wait for the end: print the output (exit 0 completed, 1 otherwise)");
  command->callback([flags, &exit_code] { exit_code = run(*flags); });
}

void add_runs(CLI::App& task, int& exit_code) {
  auto flags = std::make_shared<runs_flags>();
  auto* command = task.add_subcommand("runs", "List task runs in queueing order");
  command->add_option("--task", flags->task, "Only runs of this task");
  command->add_option("--status", flags->status,
                      "Only runs in this status (queued, running, retrying, completed, failed, "
                      "cancelled, timed_out)");
  flags->page.add_to(*command, "Runs");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = runs(*flags); });
}

}  // namespace

void add_task_run_commands(CLI::App& task, int& exit_code) {
  add_run(task, exit_code);
  add_runs(task, exit_code);
  add_id_command(task, "status", "Show run RUN_ID: status, attempts, output, error", "RUN_ID",
                 run_call("GET", ""), exit_code);
  add_id_command(task, "cancel", "Cancel run RUN_ID", "RUN_ID", run_call("POST", "/cancel"),
                 exit_code);
  add_id_command(task, "retry", "Start a new run like RUN_ID (linked by retryOf)", "RUN_ID",
                 run_call("POST", "/retry"), exit_code);
  add_id_command(task, "logs", "Print run RUN_ID's log lines", "RUN_ID", logs, exit_code);
}

}  // namespace auraos::cli
