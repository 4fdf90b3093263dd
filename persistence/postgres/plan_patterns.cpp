// Planning of the pattern operations: rules (create, replace, delete with their state) and
// matcher states.
#include <utility>

#include "persistence/postgres/pattern_rows.hpp"
#include "persistence/postgres/plan_ops.hpp"

namespace auraos::persistence::postgres {

store_result<planned_op> plan_op(const put_event_pattern_op& op, const clock_fn& clock) {
  const auto& p = op.pattern;
  if (p.id.empty()) return store_fail(store_errc::invalid, "put event pattern: empty id");
  bool create = op.mode == pattern_put_mode::create;
  params values;
  values.add(p.id).add(p.name).add(p.kind).add(p.rule).add(clock());
  planned_op planned{{{create ? "event_pattern_insert" : "event_pattern_update", std::move(values)}},
                     {},
                     (create ? "create event pattern '" : "update event pattern '") + p.id + "'"};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    if (rows.rows() < 1) return store_fail(store_errc::internal, "put event pattern: no row");
    return op_result{read_event_pattern(rows, 0)};
  };
  return planned;
}

store_result<planned_op> plan_op(const delete_event_pattern_op& op, const clock_fn&) {
  params values;
  values.add(op.id);
  return planned_op{
      {{"event_pattern_delete", std::move(values)}}, {}, "delete event pattern '" + op.id + "'"};
}

store_result<planned_op> plan_op(const put_pattern_state_op& op, const clock_fn& clock) {
  params values;
  values.add(op.pattern_id).add(op.state).add(clock());
  return planned_op{{{"event_pattern_state_put", std::move(values)}},
                    {},
                    "put state of event pattern '" + op.pattern_id + "'"};
}

}  // namespace auraos::persistence::postgres
