// The task run operations: create (idempotent by task and key), update, and log appends.
#include <set>
#include <utility>

#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/task_rows.hpp"
#include "persistence/sqlite/writer.hpp"
#include "runtime/uuid.hpp"

namespace auraos::persistence::sqlite {

namespace {

/// Ok when task `id` exists (noted in `checked`), else not_found.
store_status check_task(query_cache& queries, const std::string& id,
                        std::set<std::string>& checked) {
  if (checked.count(id) > 0) return std::monostate{};
  auto& query = queries["task_exists"];
  query.bind(1, id);
  auto found = fetch_integer(query);
  if (!found) return fail(std::move(found).error());
  if (!*found) return store_fail(store_errc::not_found, "create task runs: no task '" + id + "'");
  checked.insert(id);
  return std::monostate{};
}

store_status insert(query_cache& queries, const task_run_record& r) {
  auto& query = queries["task_run_insert"];
  query.bind(1, r.id).bind(2, r.task_id).bind(3, r.status).bind(4, r.input).bind(5, r.output);
  query.bind(6, r.error).bind(7, r.attempts).bind(8, r.priority).bind(9, r.queue);
  query.bind(10, r.shard).bind(11, r.queued_at).bind(12, r.started_at).bind(13, r.completed_at);
  query.bind(14, r.next_attempt_at).bind(15, r.resource_allocation).bind(16, r.worker);
  query.bind(17, r.lease_id).bind(18, r.lease_expires_at).bind(19, r.idempotency_key);
  query.bind(20, r.batch_id).bind(21, r.depends_on).bind(22, r.retry_of);
  query.bind(23, r.execution_id).bind(24, r.node_id).bind(25, r.schedule_time);
  auto done = query.run();
  if (!done) done.error().message = "create task run '" + r.id + "': " + done.error().message;
  return done;
}

}  // namespace

store_result<std::pair<task_run_record, bool>> writer::create_task_run(
    task_run_record run, std::set<std::string>& checked_tasks) {
  if (run.idempotency_key) {
    auto& query = queries_["task_run_by_idempotency_key"];
    query.bind(1, run.task_id).bind(2, *run.idempotency_key);
    auto found = fetch_one<task_run_record>(query, read_task_run);
    if (!found) return fail(std::move(found).error());
    if (*found) return std::pair{std::move(**found), true};
  }
  if (run.id.empty()) run.id = runtime::random_uuid();
  if (!runtime::is_uuid(run.id))
    return store_fail(store_errc::invalid, "create task runs: id '" + run.id + "' is not a UUID");
  if (auto known = check_task(queries_, run.task_id, checked_tasks); !known)
    return fail(std::move(known).error());
  if (run.queued_at == 0) run.queued_at = clock_();
  if (auto done = insert(queries_, run); !done) return fail(std::move(done).error());
  return std::pair{std::move(run), false};
}

store_result<op_result> writer::apply_op(const create_task_runs_op& op) {
  auto first = op.runs.empty() ? std::string{} : op.runs.front().id;
  if (auto fenced = check_fence(op.lease, "create task runs", first); !fenced)
    return fail(std::move(fenced).error());
  created_task_runs out;
  out.runs.reserve(op.runs.size());
  std::set<std::string> checked_tasks;
  for (const auto& run : op.runs) {
    auto created = create_task_run(run, checked_tasks);
    if (!created) return fail(std::move(created).error());
    out.runs.push_back(std::move(created->first));
    out.existing.push_back(created->second);
  }
  return op_result{std::move(out)};
}

store_result<op_result> writer::apply_op(const update_task_run_op& op) {
  const auto& r = op.run;
  if (auto fenced = check_fence(op.lease, "update task run", r.id); !fenced)
    return fail(std::move(fenced).error());
  auto& query = queries_["task_run_update"];
  query.bind(1, r.id).bind(2, r.status).bind(3, r.output).bind(4, r.error).bind(5, r.attempts);
  query.bind(6, r.priority).bind(7, r.started_at).bind(8, r.completed_at);
  query.bind(9, r.next_attempt_at).bind(10, r.resource_allocation).bind(11, r.worker);
  query.bind(12, r.lease_id).bind(13, r.lease_expires_at).bind(14, r.depends_on);
  query.bind(15, r.schedule_time);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found, "update task run: no task run '" + r.id + "'");
  return op_result{};
}

store_result<op_result> writer::apply_op(const append_task_log_op& op) {
  if (op.lines.empty()) return op_result{};
  auto place = "append log of task run '" + op.run_id + "'";
  auto& last = queries_["task_log_last_seq"];
  last.bind(1, op.run_id);
  auto seq = fetch_one<std::optional<std::int64_t>>(
      last, [](const statement& row) { return row.optional_integer(0); });
  if (!seq) return fail(std::move(seq).error());
  auto next = seq->value_or(std::nullopt).value_or(0);
  auto now = clock_();
  for (const auto& line : op.lines) {
    auto& insert = queries_["task_log_insert"];
    insert.bind(1, op.run_id).bind(2, ++next).bind(3, line.at == 0 ? now : line.at);
    insert.bind(4, line.stream).bind(5, line.text);
    if (auto done = insert.run(); !done) {
      auto error = std::move(done).error();
      if (error.code == store_errc::not_found) error.message = place + ": no such run";
      return fail(std::move(error));
    }
  }
  return op_result{};
}

}  // namespace auraos::persistence::sqlite
