// `auraos task ...` against a running node (spec/tasks.md "REST", spec/interfaces.md "Client
// commands"): task definitions, their metrics and the pool's queues here; runs in
// task_run_command.cpp, schedules in task_schedule_command.cpp.

#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/task_cli.hpp"
#include "cli/task_tables.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

/// The flags of `auraos task list`.
struct list_flags {
  client_flags client;
  page_flags page;
  std::string type, tag;
};

int list(const list_flags& flags) {
  return list_page(flags.client, flags.page, "/api/v1/tasks",
                   query_pair("type", flags.type) + query_pair("tag", flags.tag), print_task_table);
}

int get(const id_flags& flags) {
  auto reply = call_checked(flags.client, "GET", task_path(flags.id));
  if (!reply) return reply.error();
  return print_answer(flags.client, *reply, [](const nlohmann::json& task) {
    std::printf("%s\n", runtime::dump_json(task, 2).c_str());
  });
}

int remove(const id_flags& flags) {
  auto reply = call_checked(flags.client, "DELETE", task_path(flags.id));
  if (!reply) return reply.error();
  if (!flags.client.json()) std::printf("deleted task %s\n", flags.id.c_str());
  return exit_ok;
}

int metrics(const id_flags& flags) {
  auto reply = call_checked(flags.client, "GET", task_path(flags.id) + "/metrics");
  if (!reply) return reply.error();
  return print_answer(flags.client, *reply, print_task_metrics);
}

int queues(const client_flags& flags) {
  auto reply = call_checked(flags, "GET", "/api/v1/task-queues");
  if (!reply) return reply.error();
  return print_answer(flags, *reply, print_queue_table);
}

void add_list(CLI::App& task, int& exit_code) {
  auto flags = std::make_shared<list_flags>();
  auto* command = task.add_subcommand("list", "List task definitions");
  command->add_option("--type", flags->type, "Only tasks of this type (shell, http, ...)");
  command->add_option("--tag", flags->tag, "Only tasks with this tag");
  flags->page.add_to(*command, "Tasks");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = list(*flags); });
}

void add_queues(CLI::App& task, int& exit_code) {
  auto flags = std::make_shared<client_flags>();
  auto* command = task.add_subcommand("queues", "Show the pool's queues: depth, running, capacity");
  flags->add_to(*command);
  command->callback([flags, &exit_code] { exit_code = queues(*flags); });
}

void install(CLI::App& app, int& exit_code) {
  auto* task = app.add_subcommand("task", "Define, run, schedule and watch tasks on a node");
  task->require_subcommand(1);
  add_definition_commands(*task, "tasks", "task", "Replace task ID's definition with FILE (JSON)",
                          print_task_table, exit_code);
  add_id_command(*task, "get", "Show task ID's definition", "ID", get, exit_code);
  add_list(*task, exit_code);
  add_id_command(*task, "delete", "Delete task ID", "ID", remove, exit_code);
  add_task_run_commands(*task, exit_code);
  add_id_command(*task, "metrics", "Show task ID's run counts, durations and success rate", "ID",
                 metrics, exit_code);
  add_queues(*task, exit_code);
  add_task_schedule_commands(*task, exit_code);
  add_task_worker_commands(*task, exit_code);
}

const command_registration registration{55, install};

}  // namespace
}  // namespace auraos::cli
