// Shared pieces of the `auraos task ...` commands.

#include "cli/task_cli.hpp"

#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/event_filters.hpp"

namespace auraos::cli {

void add_id_command(CLI::App& parent, const std::string& name, const std::string& description,
                    const std::string& id_name, id_action action, int& exit_code) {
  auto flags = std::make_shared<id_flags>();
  auto* command = parent.add_subcommand(name, description);
  command->add_option(id_name, flags->id, id_name == "RUN_ID" ? "The run's id" : "The task's id")
      ->required();
  flags->client.add_to(*command);
  command->callback(
      [flags, action = std::move(action), &exit_code] { exit_code = action(*flags); });
}

void page_flags::add_to(CLI::App& command, const std::string& items) {
  command.add_option("--limit", limit, items + " per page (1-1000, default 50)");
  command.add_option("--cursor", cursor, "Resume after a page (its nextCursor)");
}

int list_page(const client_flags& flags, const page_flags& page, const std::string& path,
              const std::string& query, void (*table)(const nlohmann::json& items)) {
  auto all = query + query_pair("limit", page.limit) + query_pair("cursor", page.cursor);
  auto reply = call_checked(flags, "GET", with_query(path, all));
  if (!reply) return reply.error();
  return print_answer(flags, *reply, [table](const nlohmann::json& answer) {
    table(answer.value("items", nlohmann::json::array()));
    if (answer.contains("nextCursor") && answer["nextCursor"].is_string())
      std::fprintf(stderr, "more: --cursor %s\n", answer["nextCursor"].get<std::string>().c_str());
  });
}

int print_answer(const client_flags& flags, const node_reply& reply,
                 const std::function<void(const nlohmann::json&)>& table) {
  auto body = nlohmann::json::parse(reply.body, nullptr, false);
  if (flags.json() || body.is_discarded()) {
    if (!reply.body.empty()) std::printf("%s\n", reply.body.c_str());
    return exit_ok;
  }
  table(body);
  return exit_ok;
}

std::string task_path(const std::string& id) {
  return "/api/v1/tasks/" + query_escape(id);
}

std::string run_path(const std::string& id) {
  return "/api/v1/task-executions/" + query_escape(id);
}

}  // namespace auraos::cli
