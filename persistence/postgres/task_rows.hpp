#pragma once
// Conversions between PostgreSQL rows and stored tasks, runs, log lines and schedules (JSON
// compacted, as JSONB gives it back).

#include "persistence/postgres/pg_result.hpp"
#include "persistence/task_record.hpp"

namespace auraos::persistence::postgres {

/// A task row in the column order of task_get.sql.
store_result<task_record> read_task(const pg_result& rows, int row);
/// A run row in the column order of task_run_get.sql, from column `first` on.
task_run_record read_task_run(const pg_result& rows, int row, int first = 0);
/// A log row: seq, logged_at, stream, line.
task_log_line read_task_log_line(const pg_result& rows, int row);
/// A schedule row in the column order of task_schedule_get.sql.
task_schedule_record read_task_schedule(const pg_result& rows, int row);

}  // namespace auraos::persistence::postgres
