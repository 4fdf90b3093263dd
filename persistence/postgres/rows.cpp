#include "persistence/postgres/rows.hpp"

#include <cctype>

#include "persistence/json_columns.hpp"

namespace auraos::persistence::postgres {

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

store_result<workflow_record> read_workflow(const pg_result& rows, int row) {
  workflow_record w;
  w.id = rows.text(row, 0);
  w.name = rows.text(row, 1);
  w.description = rows.text(row, 2);
  w.version = rows.text(row, 3);
  w.revision = rows.integer(row, 4);
  w.definition = compact_json(rows.text(row, 5));
  auto tags = tags_from_json(rows.text(row, 6), "workflow '" + w.id + "'");
  if (!tags) return fail(std::move(tags).error());
  w.tags = std::move(tags).value();
  w.created_at = rows.integer(row, 7);
  w.updated_at = rows.integer(row, 8);
  auto status = parse_workflow_status(rows.text(row, 9));
  if (!status)
    return fail(store_error{store_errc::internal,
                            "read workflow '" + w.id + "': " + status.error().message});
  w.status = *status;
  w.metadata = compact_json(rows.optional_text(row, 10));
  return w;
}

store_result<execution_record> read_execution(const pg_result& rows, int row) {
  execution_record e;
  e.id = rows.text(row, 0);
  e.workflow_id = rows.text(row, 1);
  e.revision = rows.integer(row, 2);
  auto status = parse_execution_status(rows.text(row, 3));
  if (!status)
    return fail(store_error{store_errc::internal,
                            "read execution '" + e.id + "': " + status.error().message});
  e.status = *status;
  e.input = compact_json(rows.text(row, 4));
  e.output = compact_json(rows.optional_text(row, 5));
  e.error = compact_json(rows.optional_text(row, 6));
  e.created_at = rows.integer(row, 7);
  e.started_at = rows.optional_integer(row, 8);
  e.completed_at = rows.optional_integer(row, 9);
  e.idempotency_key = rows.optional_text(row, 10);
  e.metrics = compact_json(rows.optional_text(row, 11));
  e.error_message = rows.optional_text(row, 12);
  e.execution_time_ms = rows.optional_integer(row, 13);
  e.created_by = rows.optional_text(row, 14);
  e.secrets = rows.optional_text(row, 15);
  return e;
}

history_event read_history_event(const pg_result& rows, int row) {
  return {rows.text(row, 0), rows.integer(row, 1), rows.integer(row, 2), rows.text(row, 3),
          rows.text(row, 4), rows.integer(row, 5), rows.bytes(row, 6)};
}

snapshot_record read_snapshot(const pg_result& rows, int row) {
  return {rows.text(row, 0), rows.integer(row, 1), rows.bytes(row, 2)};
}

timer_record read_timer(const pg_result& rows, int row) {
  return {rows.text(row, 0), rows.text(row, 1), rows.integer(row, 2)};
}

shard_lease read_lease(const pg_result& rows, int row) {
  return {rows.integer(row, 0), rows.text(row, 1), rows.integer(row, 2)};
}

event_record read_event(const pg_result& rows, int row) {
  event_record e;
  e.id = rows.text(row, 0);
  e.type = rows.text(row, 1);
  e.source = rows.text(row, 2);
  e.data = compact_json(rows.text(row, 3));
  e.metadata = compact_json(rows.optional_text(row, 4)).value_or("{}");
  e.timestamp = rows.integer(row, 5);
  e.correlation_id = rows.optional_text(row, 6);
  e.causation_id = rows.optional_text(row, 7);
  e.seq = rows.integer(row, 8);
  e.stored_at = rows.integer(row, 9);
  return e;
}

}  // namespace auraos::persistence::postgres
