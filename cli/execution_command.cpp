// `auraos execution start|list|get|history|logs|pause|resume|cancel|signal|watch` against a
// running node (spec/interfaces.md "Client commands"; /api/v1/executions).

#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/client_command.hpp"
#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/execution_follow.hpp"
#include "cli/execution_tables.hpp"
#include "cli/json_flag.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

const std::string id_help = "The execution's id";

std::string execution_path(const std::string& id) {
  return resource_path("executions", id);
}

int start(const start_flags& flags) {
  auto reply = post_start(flags, resource_path("workflows", flags.id) + "/executions");
  if (!reply) return reply.error();
  if (!flags.wait) return print_answer(flags.client, *reply, print_execution_details);
  auto id = started_id(*reply);
  if (!id) return id.error();
  std::fprintf(stderr, "execution %s of workflow %s\n", id->c_str(), flags.id.c_str());
  return follow_execution(flags.client, *id, progress_to::stderr_lines);
}

/// The flags of `auraos execution list`.
struct list_flags {
  client_flags client;
  page_flags page;
  std::string workflow, status, order, started_after, started_before;
};

int list(const list_flags& flags) {
  return list_page(flags.client, flags.page, "/api/v1/executions",
                   query_pair("workflowId", flags.workflow) + query_pair("status", flags.status) +
                       query_pair("order", flags.order) +
                       query_pair("startedAfter", flags.started_after) +
                       query_pair("startedBefore", flags.started_before),
                   print_execution_table);
}

/// `execution_path(id) + suffix`, for id_call and every_item_call.
std::function<std::string(const std::string&)> under_execution(std::string suffix) {
  return [suffix](const std::string& id) { return execution_path(id) + suffix; };
}

int watch(const id_flags& flags) {
  return follow_execution(flags.client, flags.id, progress_to::stdout_lines);
}

/// The flags of `auraos execution signal ID NAME [--data JSON]`.
struct signal_flags {
  client_flags client;
  std::string id, name;
  std::string data;  ///< JSON text or @file; empty: null.
};

int signal(const signal_flags& flags) {
  nlohmann::json body{{"name", flags.name}, {"data", nullptr}};
  if (!flags.data.empty()) {
    auto data = json_flag("--data", flags.data);
    if (!data) return usage_error(data.error());
    body["data"] = std::move(*data);
  }
  auto reply = call_checked(flags.client, "POST", execution_path(flags.id) + "/signal",
                            runtime::dump_json(body));
  if (!reply) return reply.error();
  return print_answer(flags.client, *reply, [&flags](const nlohmann::json& answer) {
    std::printf("signal %s sent to execution %s as event %s\n", flags.name.c_str(),
                flags.id.c_str(), field(answer, "eventId").c_str());
  });
}

void add_start(CLI::App& execution, int& exit_code) {
  auto flags = std::make_shared<start_flags>();
  auto* command = execution.add_subcommand(
      "start", "Start an execution of WORKFLOW_ID (--wait: follow it to its end)");
  command->add_option("WORKFLOW_ID", flags->id, "The workflow's id")->required();
  flags->add_to(*command,
                "Follow it to its end: progress on stderr, the output on stdout (exit 0 "
                "completed, 1 failed, cancelled or timed out)");
  command->callback([flags, &exit_code] { exit_code = start(*flags); });
}

void add_list(CLI::App& execution, int& exit_code) {
  auto flags = std::make_shared<list_flags>();
  auto* command = execution.add_subcommand("list", "List executions (oldest first by default)");
  command->add_option("--workflow", flags->workflow, "Only executions of this workflow");
  command->add_option("--status", flags->status,
                      "Only executions in this status (pending, running, paused, completed, "
                      "failed, cancelled, timed_out)");
  command->add_option("--order", flags->order, "oldest (default) or newest first");
  command->add_option("--started-after", flags->started_after,
                      "Only executions created at or after this RFC 3339 time");
  command->add_option("--started-before", flags->started_before,
                      "Only executions created before this RFC 3339 time");
  flags->page.add_to(*command, "Executions");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = list(*flags); });
}

void add_signal(CLI::App& execution, int& exit_code) {
  auto flags = std::make_shared<signal_flags>();
  auto* command = execution.add_subcommand(
      "signal", "Send signal NAME (an event correlated with it) to execution ID");
  command->add_option("ID", flags->id, id_help)->required();
  command->add_option("NAME", flags->name, "The signal's name (the event's type)")->required();
  command->add_option("--data", flags->data, "The signal's data: JSON text or @file");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = signal(*flags); });
}

void install(CLI::App& app, int& exit_code) {
  auto* execution =
      app.add_subcommand("execution", "Start, follow and control workflow executions on a node");
  execution->require_subcommand(1);
  add_start(*execution, exit_code);
  add_list(*execution, exit_code);
  add_id_command(*execution, "get", "Show execution ID: status, nodes, output, error", "ID",
                 id_call("GET", under_execution(""), print_execution_details), exit_code, id_help);
  add_id_command(*execution, "history", "Print execution ID's stored history", "ID",
                 every_item_call(under_execution("/history"), "history", history_line), exit_code,
                 id_help);
  add_id_command(*execution, "logs", "Print execution ID's log lines", "ID",
                 every_item_call(under_execution("/logs"), "logs", cell), exit_code, id_help);
  add_id_command(*execution, "pause", "Pause execution ID", "ID",
                 id_call("POST", under_execution("/pause"), print_execution_details),
                 exit_code, id_help);
  add_id_command(*execution, "resume", "Resume paused execution ID", "ID",
                 id_call("POST", under_execution("/resume"), print_execution_details), exit_code,
                 id_help);
  add_id_command(*execution, "cancel", "Cancel execution ID", "ID",
                 id_call("POST", under_execution("/cancel"), print_execution_details), exit_code,
                 id_help);
  add_signal(*execution, exit_code);
  add_call_command(
      *execution,
      {.name = "metrics",
       .description = "Show execution counts and durations over time (the dashboard's charts)",
       .method = "GET",
       .path = [](const std::vector<std::string>&) {
         return std::string{"/api/v1/executions/metrics"};
       },
       .query = window_flags()},
      exit_code);
  add_id_command(*execution, "watch",
                 "Follow execution ID node by node until its end (exit as `auraos run`)", "ID",
                 watch, exit_code, id_help);
}

const command_registration registration{47, install};

}  // namespace
}  // namespace auraos::cli
