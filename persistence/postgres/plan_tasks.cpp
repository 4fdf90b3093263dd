// Planning of the task operations: definitions (create, replace, delete) and schedules (put,
// delete, the scheduler's state).
#include <utility>

#include "persistence/json_columns.hpp"
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/task_rows.hpp"

namespace auraos::persistence::postgres {

store_result<planned_op> plan_op(const put_task_op& op, const clock_fn& clock) {
  const auto& t = op.task;
  if (t.id.empty()) return store_fail(store_errc::invalid, "put task: empty id");
  bool create = op.mode == task_put_mode::create;
  params values;
  values.add(t.id).add(t.name).add(t.description).add(t.type).add(t.queue).add(t.priority);
  values.add(t.definition).add(tags_to_json(t.tags)).add(clock());
  params secrets;
  secrets.add(t.id).add(t.secrets);
  // The last call sets the sealed secrets and returns the stored task.
  planned_op planned{{{create ? "task_insert" : "task_update", std::move(values)},
                      {"task_secrets_put", std::move(secrets)}},
                     {},
                     (create ? "create task '" : "update task '") + t.id + "'"};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    if (rows.rows() < 1) return store_fail(store_errc::internal, "put task: no row");
    auto stored = read_task(rows, 0);
    if (!stored) return fail(std::move(stored).error());
    return op_result{std::move(stored).value()};
  };
  return planned;
}

store_result<planned_op> plan_op(const delete_task_op& op, const clock_fn&) {
  params values;
  values.add(op.id);
  return planned_op{{{"task_delete", std::move(values)}}, {}, "delete task '" + op.id + "'"};
}

store_result<planned_op> plan_op(const put_task_schedule_op& op, const clock_fn& clock) {
  const auto& s = op.schedule;
  params values;
  values.add(s.task_id).add(s.spec).add(s.state).add(clock());
  planned_op planned{
      {{"task_schedule_put", std::move(values)}}, {}, "put schedule of task '" + s.task_id + "'"};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    if (rows.rows() < 1) return store_fail(store_errc::internal, "put task schedule: no row");
    return op_result{read_task_schedule(rows, 0)};
  };
  return planned;
}

store_result<planned_op> plan_op(const delete_task_schedule_op& op, const clock_fn&) {
  params values;
  values.add(op.task_id);
  return planned_op{{{"task_schedule_delete", std::move(values)}},
                    {},
                    "delete schedule of task '" + op.task_id + "'"};
}

store_result<planned_op> plan_op(const put_schedule_state_op& op, const clock_fn&) {
  params values;
  values.add(op.task_id).add(op.state);
  return planned_op{{{"task_schedule_state_put", std::move(values)}},
                    {},
                    "put schedule state of task '" + op.task_id + "'"};
}

}  // namespace auraos::persistence::postgres
