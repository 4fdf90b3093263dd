#pragma once
// Pieces shared by the `auraos task ...` commands (task_command.cpp, task_run_command.cpp,
// task_schedule_command.cpp): one-id commands, answer printing, resource paths.

#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cli/client_output.hpp"

namespace CLI {
class App;
}

namespace auraos::cli {

/// The flags of a command that names one task or run: `ID` and the client flags.
struct id_flags {
  client_flags client;
  std::string id;  ///< The task's or run's id.
};

/// `--limit` and `--cursor` of a list command.
struct page_flags {
  std::string limit;   ///< Items per page (the server checks it).
  std::string cursor;  ///< Resume after a page (its nextCursor).

  /// Adds both flags to `command`; `items` names what is listed ("Runs").
  void add_to(CLI::App& command, const std::string& items);
};

/// GETs one page of the list at `path` with `query` ("&name=value"...) and the page flags;
/// prints its items through `table` (the next cursor on stderr) or its body as JSON.
int list_page(const client_flags& flags, const page_flags& page, const std::string& path,
              const std::string& query, void (*table)(const nlohmann::json& items));

/// What a one-id command does; its exit code.
using id_action = std::function<int(const id_flags&)>;

/// Adds subcommand `name` of `parent` taking the positional `id_name` and the client flags.
void add_id_command(CLI::App& parent, const std::string& name, const std::string& description,
                    const std::string& id_name, id_action action, int& exit_code);

/// Prints a 2xx answer: its body (`--output json`) or through `table`; exit_ok.
int print_answer(const client_flags& flags, const node_reply& reply,
                 const std::function<void(const nlohmann::json&)>& table);

/// `/api/v1/tasks/ID` with the id escaped.
std::string task_path(const std::string& id);

/// `/api/v1/task-executions/ID` with the id escaped.
std::string run_path(const std::string& id);

/// Adds `run`, `runs`, `status`, `cancel`, `retry` and `logs` to `auraos task`.
void add_task_run_commands(CLI::App& task, int& exit_code);

/// Adds `schedule`, `schedule-get` and `unschedule` to `auraos task`.
void add_task_schedule_commands(CLI::App& task, int& exit_code);

}  // namespace auraos::cli
