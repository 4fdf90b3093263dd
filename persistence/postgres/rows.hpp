#pragma once
// Conversions between PostgreSQL rows and store records (column order as in the named queries).

#include <string>
#include <string_view>
#include <vector>

#include "persistence/event_record.hpp"
#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"
#include "persistence/postgres/pg_result.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence::postgres {

/// True for the canonical text of a UUID (8-4-4-4-12 hex digits).
bool is_uuid(std::string_view text);

/// A workflow row: id, name, description, version, revision, definition, tags, created, updated.
store_result<workflow_record> read_workflow(const pg_result& rows, int row);

/// An execution row in the column order of execution_get.sql.
store_result<execution_record> read_execution(const pg_result& rows, int row);

/// A history row in the column order of history_read.sql.
history_event read_history_event(const pg_result& rows, int row);

/// A snapshot row: execution_id, seq, payload.
snapshot_record read_snapshot(const pg_result& rows, int row);

/// A timer row: execution_id, timer_id, deadline_ms.
timer_record read_timer(const pg_result& rows, int row);

/// A lease row: shard, owner, epoch.
shard_lease read_lease(const pg_result& rows, int row);

/// An event row in the column order of event_get.sql (JSON compacted, absent metadata `{}`).
event_record read_event(const pg_result& rows, int row);

}  // namespace auraos::persistence::postgres
