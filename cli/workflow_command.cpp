// `auraos workflow create|update|get|list|delete` against a running node (spec/interfaces.md
// "Client commands"; the REST routes of /api/v1/workflows).

#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/client_command.hpp"
#include "cli/command.hpp"
#include "cli/event_filters.hpp"
#include "cli/execution_tables.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::cli {
namespace {

std::string workflow_path(const std::string& id) {
  return resource_path("workflows", id);
}

/// The flags of `auraos workflow list`.
struct list_flags {
  client_flags client;
  page_flags page;
  std::string status, tag, name, search;
};

int list(const list_flags& flags) {
  return list_page(flags.client, flags.page, "/api/v1/workflows",
                   query_pair("status", flags.status) + query_pair("tag", flags.tag) +
                       query_pair("name", flags.name) + query_pair("q", flags.search),
                   print_workflow_table);
}

void print_one_workflow(const nlohmann::json& workflow) {
  print_workflow_table(nlohmann::json::array({workflow}));
}

int get(const id_flags& flags) {
  auto reply = call_checked(flags.client, "GET", workflow_path(flags.id));
  if (!reply) return reply.error();
  return print_answer(flags.client, *reply, [](const nlohmann::json& workflow) {
    std::printf("%s\n", runtime::dump_json(workflow, 2).c_str());
  });
}

int remove(const id_flags& flags) {
  auto reply = call_checked(flags.client, "DELETE", workflow_path(flags.id));
  if (!reply) return reply.error();
  if (!flags.client.json()) std::printf("deleted workflow %s\n", flags.id.c_str());
  return exit_ok;
}

void add_list(CLI::App& workflow, int& exit_code) {
  auto flags = std::make_shared<list_flags>();
  auto* command = workflow.add_subcommand("list", "List workflow definitions");
  command->add_option("--status", flags->status, "Only workflows in this status (draft, active, archived)");
  command->add_option("--tag", flags->tag, "Only workflows with this tag");
  command->add_option("--name", flags->name, "Only workflows with exactly this name");
  command->add_option("--search", flags->search, "Only workflows whose name contains this text");
  flags->page.add_to(*command, "Workflows");
  flags->client.add_to(*command);
  command->callback([flags, &exit_code] { exit_code = list(*flags); });
}

void install(CLI::App& app, int& exit_code) {
  auto* workflow = app.add_subcommand("workflow", "Define and manage workflows on a node");
  workflow->require_subcommand(1);
  const std::string id_help = "The workflow's id";
  add_definition_commands(*workflow, "workflows", "workflow",
                          "Store FILE (JSON) as workflow ID's next revision", print_workflow_table,
                          exit_code);
  add_id_command(*workflow, "get", "Show workflow ID's definition", "ID", get, exit_code, id_help);
  add_list(*workflow, exit_code);
  add_id_command(*workflow, "delete", "Delete workflow ID", "ID", remove, exit_code, id_help);
  auto id_path = [](std::string suffix) {
    return [suffix](const std::vector<std::string>& v) { return workflow_path(v[0]) + suffix; };
  };
  const std::pair<std::string, std::string> id{"ID", id_help};
  add_call_commands(
      *workflow,
      {{.name = "status",
        .description = "Set workflow ID's status: draft, active or archived (PATCH)",
        .method = "PATCH", .arguments = {id, {"STATUS", "draft, active or archived"}},
        .path = id_path(""), .argument_fields = {{1, "status"}}, .table = print_one_workflow},
       {.name = "revisions", .description = "List workflow ID's stored revisions",
        .method = "GET", .arguments = {id}, .path = id_path("/revisions")},
       {.name = "revision", .description = "Show revision N of workflow ID", .method = "GET",
        .arguments = {id, {"N", "The revision"}},
        .path = [](const std::vector<std::string>& v) {
          return workflow_path(v[0]) + "/revisions/" + query_escape(v[1]);
        }},
       {.name = "metrics",
        .description = "Show workflow ID's execution counts, durations and success rate",
        .method = "GET", .arguments = {id}, .path = id_path("/metrics")}},
      exit_code);
}

const command_registration registration{45, install};

}  // namespace
}  // namespace auraos::cli
