#pragma once
// How `auraos task ...` prints the node's answers for people (`--output table`).

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cli/client_command.hpp"

namespace auraos::cli {

/// Prints task definitions (`[task JSON...]`): id, type, queue, priority, tags, name.
void print_task_table(const nlohmann::json& tasks);

/// Prints task runs (`[run JSON...]`): id, task, status, attempts, queued, started, ended.
void print_run_table(const nlohmann::json& runs);

/// Prints one run as a table row, then its output, error and links when set.
void print_run_details(const nlohmann::json& run);

/// Prints a run's log lines (`[{seq, at, stream, line}...]`), one per line.
void print_log_lines(const nlohmann::json& lines);

/// Prints the pool's queues (GET /api/v1/task-queues) and its capacity.
void print_queue_table(const nlohmann::json& pool);

/// Prints a task's metrics (GET /api/v1/tasks/{id}/metrics).
void print_task_metrics(const nlohmann::json& metrics);

/// Prints a task's schedule (GET /api/v1/tasks/{id}/schedule) with its next fire times.
void print_schedule(const nlohmann::json& schedule);

}  // namespace auraos::cli
