#include "persistence/sqlite/rows.hpp"

#include "persistence/json_columns.hpp"

namespace auraos::persistence::sqlite {

store_result<workflow_record> read_workflow(const statement& row) {
  workflow_record w;
  w.id = row.text(0);
  w.name = row.text(1);
  w.description = row.text(2);
  w.version = row.text(3);
  w.revision = row.integer(4);
  w.definition = row.text(5);
  auto tags = tags_from_json(row.text(6), "workflow '" + w.id + "'");
  if (!tags) return fail(std::move(tags).error());
  w.tags = std::move(tags).value();
  w.created_at = row.integer(7);
  w.updated_at = row.integer(8);
  auto status = parse_workflow_status(row.text(9));
  if (!status)
    return fail(store_error{store_errc::internal,
                            "read workflow '" + w.id + "': " + status.error().message});
  w.status = *status;
  w.metadata = row.optional_text(10);
  return w;
}

store_result<execution_record> read_execution(const statement& row) {
  execution_record e;
  e.id = row.text(0);
  e.workflow_id = row.text(1);
  e.revision = row.integer(2);
  auto status = parse_execution_status(row.text(3));
  if (!status)
    return fail(store_error{store_errc::internal,
                            "read execution '" + e.id + "': " + status.error().message});
  e.status = *status;
  e.input = row.text(4);
  e.output = row.optional_text(5);
  e.error = row.optional_text(6);
  e.created_at = row.integer(7);
  e.started_at = row.optional_integer(8);
  e.completed_at = row.optional_integer(9);
  e.idempotency_key = row.optional_text(10);
  e.metrics = row.optional_text(11);
  e.error_message = row.optional_text(12);
  e.execution_time_ms = row.optional_integer(13);
  e.created_by = row.optional_text(14);
  e.secrets = row.optional_text(15);
  return e;
}

history_event read_history_event(const statement& row) {
  return {row.text(0), row.integer(1), row.integer(2), row.text(3),
          row.text(4), row.integer(5), row.blob(6)};
}

snapshot_record read_snapshot(const statement& row) {
  return {row.text(0), row.integer(1), row.blob(2)};
}

timer_record read_timer(const statement& row) {
  return {row.text(0), row.text(1), row.integer(2)};
}

shard_lease read_lease(const statement& row) {
  return {row.integer(0), row.text(1), row.integer(2)};
}

event_record read_event(const statement& row) {
  event_record e;
  e.id = row.text(0);
  e.type = row.text(1);
  e.source = row.text(2);
  e.data = row.text(3);
  e.metadata = row.optional_text(4).value_or("{}");
  e.timestamp = row.integer(5);
  e.correlation_id = row.optional_text(6);
  e.causation_id = row.optional_text(7);
  e.seq = row.integer(8);
  e.stored_at = row.integer(9);
  return e;
}

}  // namespace auraos::persistence::sqlite
