#include "persistence/sqlite/pattern_rows.hpp"

namespace auraos::persistence::sqlite {

event_pattern_record read_event_pattern(const statement& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4), row.integer(5)};
}

event_pattern_state read_pattern_state(const statement& row) {
  return {row.text(0), row.text(1), row.integer(2)};
}

}  // namespace auraos::persistence::sqlite
