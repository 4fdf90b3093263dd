#include "persistence/postgres/pattern_rows.hpp"

namespace auraos::persistence::postgres {

event_pattern_record read_event_pattern(const pg_result& rows, int row) {
  return {rows.text(row, 0),    rows.text(row, 1),    rows.text(row, 2),
          rows.text(row, 3),    rows.integer(row, 4), rows.integer(row, 5)};
}

event_pattern_state read_pattern_state(const pg_result& rows, int row) {
  return {rows.text(row, 0), rows.text(row, 1), rows.integer(row, 2)};
}

}  // namespace auraos::persistence::postgres
