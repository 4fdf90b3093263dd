#include "persistence/postgres/task_rows.hpp"

#include "persistence/json_columns.hpp"

namespace auraos::persistence::postgres {

store_result<task_record> read_task(const pg_result& rows, int row) {
  task_record t;
  t.id = rows.text(row, 0);
  t.name = rows.text(row, 1);
  t.description = rows.text(row, 2);
  t.type = rows.text(row, 3);
  t.queue = rows.text(row, 4);
  t.priority = rows.integer(row, 5);
  t.definition = compact_json(rows.text(row, 6));
  auto tags = tags_from_json(rows.text(row, 7), "task '" + t.id + "'");
  if (!tags) return fail(std::move(tags).error());
  t.tags = std::move(tags).value();
  t.created_at = rows.integer(row, 8);
  t.updated_at = rows.integer(row, 9);
  t.secrets = rows.optional_text(row, 10);
  return t;
}

task_run_record read_task_run(const pg_result& rows, int row) {
  return read_task_run_from(rows, row, 0);
}

task_run_record read_task_run_from(const pg_result& rows, int row, int first) {
  task_run_record r;
  r.id = rows.text(row, first);
  r.task_id = rows.text(row, first + 1);
  r.status = rows.text(row, first + 2);
  r.input = compact_json(rows.optional_text(row, first + 3)).value_or("null");
  r.output = compact_json(rows.optional_text(row, first + 4));
  r.error = compact_json(rows.optional_text(row, first + 5));
  r.attempts = rows.integer(row, first + 6);
  r.priority = rows.integer(row, first + 7);
  r.queue = rows.text(row, first + 8);
  r.shard = rows.integer(row, first + 9);
  r.queued_at = rows.integer(row, first + 10);
  r.started_at = rows.optional_integer(row, first + 11);
  r.completed_at = rows.optional_integer(row, first + 12);
  r.next_attempt_at = rows.optional_integer(row, first + 13);
  r.resource_allocation = compact_json(rows.optional_text(row, first + 14));
  r.worker = rows.optional_text(row, first + 15);
  r.lease_id = rows.optional_text(row, first + 16);
  r.lease_expires_at = rows.optional_integer(row, first + 17);
  r.idempotency_key = rows.optional_text(row, first + 18);
  r.batch_id = rows.optional_text(row, first + 19);
  r.depends_on = compact_json(rows.text(row, first + 20));
  r.retry_of = rows.optional_text(row, first + 21);
  r.execution_id = rows.optional_text(row, first + 22);
  r.node_id = rows.text(row, first + 23);
  r.schedule_time = rows.optional_integer(row, first + 24);
  return r;
}

task_log_line read_task_log_line(const pg_result& rows, int row) {
  return {rows.integer(row, 0), rows.integer(row, 1), rows.text(row, 2), rows.text(row, 3)};
}

task_schedule_record read_task_schedule(const pg_result& rows, int row) {
  return {rows.text(row, 0), compact_json(rows.text(row, 1)), compact_json(rows.text(row, 2)),
          rows.integer(row, 3), rows.integer(row, 4)};
}

}  // namespace auraos::persistence::postgres
