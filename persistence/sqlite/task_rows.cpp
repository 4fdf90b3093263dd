#include "persistence/sqlite/task_rows.hpp"

#include "persistence/json_columns.hpp"

namespace auraos::persistence::sqlite {

store_result<task_record> read_task(const statement& row) {
  task_record t;
  t.id = row.text(0);
  t.name = row.text(1);
  t.description = row.text(2);
  t.type = row.text(3);
  t.queue = row.text(4);
  t.priority = row.integer(5);
  t.definition = row.text(6);
  auto tags = tags_from_json(row.text(7), "task '" + t.id + "'");
  if (!tags) return fail(std::move(tags).error());
  t.tags = std::move(tags).value();
  t.created_at = row.integer(8);
  t.updated_at = row.integer(9);
  t.secrets = row.optional_text(10);
  return t;
}

task_run_record read_task_run(const statement& row) {
  task_run_record r;
  r.id = row.text(0);
  r.task_id = row.text(1);
  r.status = row.text(2);
  r.input = row.optional_text(3).value_or("null");
  r.output = row.optional_text(4);
  r.error = row.optional_text(5);
  r.attempts = row.integer(6);
  r.priority = row.integer(7);
  r.queue = row.text(8);
  r.shard = row.integer(9);
  r.queued_at = row.integer(10);
  r.started_at = row.optional_integer(11);
  r.completed_at = row.optional_integer(12);
  r.next_attempt_at = row.optional_integer(13);
  r.resource_allocation = row.optional_text(14);
  r.worker = row.optional_text(15);
  r.lease_id = row.optional_text(16);
  r.lease_expires_at = row.optional_integer(17);
  r.idempotency_key = row.optional_text(18);
  r.batch_id = row.optional_text(19);
  r.depends_on = row.text(20);
  r.retry_of = row.optional_text(21);
  r.execution_id = row.optional_text(22);
  r.node_id = row.text(23);
  r.schedule_time = row.optional_integer(24);
  return r;
}

task_log_line read_task_log_line(const statement& row) {
  return {row.integer(0), row.integer(1), row.text(2), row.text(3)};
}

task_schedule_record read_task_schedule(const statement& row) {
  return {row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4)};
}

}  // namespace auraos::persistence::sqlite
