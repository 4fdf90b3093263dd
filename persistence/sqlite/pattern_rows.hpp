#pragma once
// Conversions between SQLite rows and stored pattern rules and states.

#include "persistence/event_pattern_record.hpp"
#include "persistence/sqlite/statement.hpp"

namespace auraos::persistence::sqlite {

/// A rule row in the column order of event_pattern_get.sql.
event_pattern_record read_event_pattern(const statement& row);
/// A state row: pattern_id, state, updated_at.
event_pattern_state read_pattern_state(const statement& row);

}  // namespace auraos::persistence::sqlite
