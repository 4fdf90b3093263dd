// The task operations: definitions (create, replace, delete with their runs, logs and
// schedule) and schedules (put, delete, the scheduler's state).
#include <utility>

#include "persistence/json_columns.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/task_rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<op_result> writer::apply_op(const put_task_op& op) {
  const auto& t = op.task;
  if (t.id.empty()) return store_fail(store_errc::invalid, "put task: empty id");
  bool create = op.mode == task_put_mode::create;
  auto& query = queries_[create ? "task_insert" : "task_update"];
  query.bind(1, t.id).bind(2, t.name).bind(3, t.description).bind(4, t.type).bind(5, t.queue);
  query.bind(6, t.priority).bind(7, t.definition).bind(8, tags_to_json(t.tags)).bind(9, clock_());
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return create ? store_fail(store_errc::conflict, "create task: task '" + t.id + "' exists")
                  : store_fail(store_errc::not_found, "update task: no task '" + t.id + "'");
  auto& secrets = queries_["task_secrets_put"];
  secrets.bind(1, t.id).bind(2, t.secrets);
  if (auto done = secrets.run(); !done) return fail(std::move(done).error());
  auto& get = queries_["task_get"];
  get.bind(1, t.id);
  auto stored =
      found_or(fetch_one<task_record>(get, read_task), "put task: task '" + t.id + "' vanished");
  if (!stored) return fail(std::move(stored).error());
  return op_result{std::move(stored).value()};
}

store_result<op_result> writer::apply_op(const delete_task_op& op) {
  auto& unfinished = queries_["task_unfinished_run"];
  unfinished.bind(1, op.id);
  auto run = fetch_one<std::string>(unfinished, [](const statement& row) { return row.text(0); });
  if (!run) return fail(std::move(run).error());
  if (*run)
    return store_fail(store_errc::conflict, "delete task: task '" + op.id +
                                                "' has unfinished runs (run '" + **run + "')");
  auto& runs = queries_["task_runs_delete"];  // their log lines: ON DELETE CASCADE
  runs.bind(1, op.id);
  if (auto done = runs.run(); !done) return fail(std::move(done).error());
  auto& task = queries_["task_delete"];  // its schedule: ON DELETE CASCADE
  task.bind(1, op.id);
  if (auto done = task.run(); !done) return fail(std::move(done).error());
  if (task.changes() == 0)
    return store_fail(store_errc::not_found, "delete task: no task '" + op.id + "'");
  return op_result{};
}

store_result<op_result> writer::apply_op(const put_task_schedule_op& op) {
  const auto& s = op.schedule;
  auto& query = queries_["task_schedule_put"];
  query.bind(1, s.task_id).bind(2, s.spec).bind(3, s.state).bind(4, clock_());
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found, "put task schedule: no task '" + s.task_id + "'");
  auto& get = queries_["task_schedule_get"];
  get.bind(1, s.task_id);
  auto stored = found_or(fetch_one<task_schedule_record>(get, read_task_schedule),
                         "put task schedule: the schedule of '" + s.task_id + "' vanished");
  if (!stored) return fail(std::move(stored).error());
  return op_result{std::move(stored).value()};
}

store_result<op_result> writer::apply_op(const delete_task_schedule_op& op) {
  auto& query = queries_["task_schedule_delete"];
  query.bind(1, op.task_id);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found,
                      "delete task schedule: task '" + op.task_id + "' has no schedule");
  return op_result{};
}

store_result<op_result> writer::apply_op(const put_schedule_state_op& op) {
  if (auto fenced = check_fence(op.lease, "put schedule state of task", op.task_id); !fenced)
    return fail(std::move(fenced).error());
  auto& query = queries_["task_schedule_state_put"];
  query.bind(1, op.task_id).bind(2, op.state);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{};
}

}  // namespace auraos::persistence::sqlite
