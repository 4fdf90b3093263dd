// Planning of the retention rule operations: put (insert or replace) and delete.
#include "persistence/postgres/plan_ops.hpp"

namespace auraos::persistence::postgres {

store_result<planned_op> plan_op(const put_event_retention_op& op, const clock_fn& clock) {
  const auto& rule = op.rule;
  if (rule.type.empty()) return store_fail(store_errc::invalid, "put event retention: empty type");
  params values;
  values.add(rule.type).add(rule.max_age_seconds).add(rule.max_count).add(clock());
  return planned_op{{{"event_retention_put", std::move(values)}},
                    {},
                    "put event retention '" + rule.type + "'"};
}

store_result<planned_op> plan_op(const delete_event_retention_op& op, const clock_fn&) {
  params values;
  values.add(op.type);
  planned_op planned{{{"event_retention_delete", std::move(values)}},
                     {},
                     "delete event retention '" + op.type + "'"};
  planned.read = [type = op.type](const pg_result& rows) -> store_result<op_result> {
    if (rows.rows() == 0)
      return store_fail(store_errc::not_found,
                        "delete event retention: no rule for type '" + type + "'");
    return op_result{};
  };
  return planned;
}

}  // namespace auraos::persistence::postgres
