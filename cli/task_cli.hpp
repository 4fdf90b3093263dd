#pragma once
// Pieces shared by the `auraos task ...` commands (task_command.cpp, task_run_command.cpp,
// task_schedule_command.cpp): resource paths and the groups of subcommands.

#include <string>

#include "cli/client_command.hpp"

namespace CLI {
class App;
}

namespace auraos::cli {

/// `/api/v1/tasks/ID` with the id escaped.
std::string task_path(const std::string& id);

/// `/api/v1/task-executions/ID` with the id escaped.
std::string run_path(const std::string& id);

/// Adds `run`, `runs`, `status`, `cancel`, `retry` and `logs` to `auraos task`.
void add_task_run_commands(CLI::App& task, int& exit_code);

/// Adds `batch`, `claim`, `heartbeat`, `complete` and `fail` to `auraos task`.
void add_task_worker_commands(CLI::App& task, int& exit_code);

/// Adds `schedule`, `schedule-get` and `unschedule` to `auraos task`.
void add_task_schedule_commands(CLI::App& task, int& exit_code);

}  // namespace auraos::cli
