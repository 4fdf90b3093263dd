#pragma once
// Conversions between SQLite rows and store records (column order as in the named queries).

#include <string>
#include <vector>

#include "persistence/event_record.hpp"
#include "persistence/execution_record.hpp"
#include "persistence/history_record.hpp"
#include "persistence/sqlite/statement.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::persistence::sqlite {

/// A workflow row: id, name, description, version, revision, definition, tags, created, updated,
/// status, metadata.
store_result<workflow_record> read_workflow(const statement& row);

/// An execution row in the column order of execution_get.sql.
store_result<execution_record> read_execution(const statement& row);

/// A history row in the column order of history_read.sql.
history_event read_history_event(const statement& row);

/// A snapshot row: execution_id, seq, payload.
snapshot_record read_snapshot(const statement& row);

/// A timer row: execution_id, timer_id, deadline_ms.
timer_record read_timer(const statement& row);

/// A lease row: shard, owner, epoch.
shard_lease read_lease(const statement& row);

/// An event row in the column order of event_get.sql.
event_record read_event(const statement& row);

}  // namespace auraos::persistence::sqlite
