#pragma once
// Conversions between PostgreSQL rows and stored pattern rules and states.

#include "persistence/event_pattern_record.hpp"
#include "persistence/postgres/pg_result.hpp"

namespace auraos::persistence::postgres {

/// A rule row in the column order of event_pattern_get.sql.
event_pattern_record read_event_pattern(const pg_result& rows, int row);
/// A state row: pattern_id, state, updated_at.
event_pattern_state read_pattern_state(const pg_result& rows, int row);

}  // namespace auraos::persistence::postgres
