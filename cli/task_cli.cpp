// Paths of tasks and runs.

#include "cli/task_cli.hpp"

namespace auraos::cli {

std::string task_path(const std::string& id) {
  return resource_path("tasks", id);
}

std::string run_path(const std::string& id) {
  return resource_path("task-executions", id);
}

}  // namespace auraos::cli
