#pragma once
// Conversions between SQLite rows and stored tasks, runs, log lines and schedules.

#include "persistence/sqlite/statement.hpp"
#include "persistence/task_record.hpp"

namespace auraos::persistence::sqlite {

/// A task row in the column order of task_get.sql.
store_result<task_record> read_task(const statement& row);
/// A run row in the column order of task_run_get.sql.
task_run_record read_task_run(const statement& row);
/// A log row: seq, logged_at, stream, line.
task_log_line read_task_log_line(const statement& row);
/// A schedule row in the column order of task_schedule_get.sql.
task_schedule_record read_task_schedule(const statement& row);

}  // namespace auraos::persistence::sqlite
