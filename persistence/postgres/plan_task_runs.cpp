// Planning of the task run operations: create (one set-based call of auraos_create_task_runs
// for the whole op), update, and log appends.
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "persistence/postgres/array_literal.hpp"
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/rows.hpp"
#include "persistence/postgres/run_state_columns.hpp"
#include "persistence/postgres/task_rows.hpp"
#include "runtime/uuid.hpp"

namespace auraos::persistence::postgres {

namespace {

/// The 25 array parameters of task_runs_create.sql, one element per run.
struct run_columns {
  texts id, task, input, queue, node;
  optional_texts key, batch, retry_of, execution;
  integers shard, queued;
  run_state_columns state;

  void add(const task_run_record& r) {
    id.push_back(r.id);
    task.push_back(r.task_id);
    input.push_back(r.input);
    queue.push_back(r.queue);
    shard.push_back(r.shard);
    queued.push_back(r.queued_at);
    key.push_back(r.idempotency_key);
    batch.push_back(r.batch_id);
    retry_of.push_back(r.retry_of);
    execution.push_back(r.execution_id);
    node.push_back(r.node_id);
    state.add(r);
  }

  params values() const {
    const auto& s = state;
    params p;
    p.add(text_array(id)).add(text_array(task)).add(text_array(s.status)).add(text_array(input));
    p.add(optional_text_array(s.output)).add(optional_text_array(s.error));
    p.add(integer_array(s.attempts)).add(integer_array(s.priority)).add(text_array(queue));
    p.add(integer_array(shard)).add(integer_array(queued)).add(optional_integer_array(s.started));
    p.add(optional_integer_array(s.completed)).add(optional_integer_array(s.next));
    p.add(optional_text_array(s.resources)).add(optional_text_array(s.worker));
    p.add(optional_text_array(s.lease_id)).add(optional_integer_array(s.lease_ends));
    p.add(optional_text_array(key)).add(optional_text_array(batch)).add(text_array(s.depends));
    p.add(optional_text_array(retry_of)).add(optional_text_array(execution));
    p.add(text_array(node)).add(optional_integer_array(s.schedule_time));
    return p;
  }
};

/// Invalid unless `id` (when present) is a UUID (run ids, retry_of and execution ids are).
store_status check_uuid(const std::optional<std::string>& id) {
  if (!id || runtime::is_uuid(*id)) return std::monostate{};
  return store_fail(store_errc::invalid, "create task runs: id '" + *id + "' is not a UUID");
}

/// The runs as stored: a created one as sent, an earlier one from its row (columns 2...), one
/// standing for an earlier run of the same op (column 1 its id) as that run.
store_result<created_task_runs> created_runs(const std::vector<task_run_record>& sent,
                                             const pg_result& rows) {
  if (static_cast<std::size_t>(rows.rows()) != sent.size())
    return store_fail(store_errc::internal, "create task runs: " + std::to_string(rows.rows()) +
                                                " answers for " + std::to_string(sent.size()));
  created_task_runs out;
  std::unordered_map<std::string, std::size_t> created;  // id -> index in out.runs
  for (std::size_t index = 0; index < sent.size(); ++index) {
    auto row = static_cast<int>(index);
    bool existing = rows.boolean(row, 0);
    if (rows.optional_text(row, 2)) {
      out.runs.push_back(read_task_run_from(rows, row, 2));
    } else if (!existing) {
      created.emplace(sent[index].id, index);
      out.runs.push_back(sent[index]);
    } else if (auto first = created.find(rows.text(row, 1)); first != created.end()) {
      out.runs.push_back(out.runs[first->second]);
    } else {
      return store_fail(store_errc::internal, "create task runs: run " + std::to_string(index) +
                                                  " stands for an unknown run");
    }
    out.existing.push_back(existing);
  }
  return out;
}

}  // namespace

store_result<planned_op> plan_op(const create_task_runs_op& op, const clock_fn& clock) {
  run_columns columns;
  std::vector<task_run_record> runs;
  runs.reserve(op.runs.size());
  auto now = clock();
  for (auto run : op.runs) {
    if (run.id.empty()) run.id = runtime::random_uuid();
    for (const auto* id : {&run.retry_of, &run.execution_id})
      if (auto ok = check_uuid(*id); !ok) return fail(std::move(ok).error());
    if (auto ok = check_uuid(run.id); !ok) return fail(std::move(ok).error());
    if (run.queued_at == 0) run.queued_at = now;
    columns.add(run);
    runs.push_back(std::move(run));
  }
  planned_op planned{{{"task_runs_create", columns.values()}}, {}, "create task runs"};
  planned.read = [runs = std::move(runs)](const pg_result& rows) -> store_result<op_result> {
    auto created = created_runs(runs, rows);
    if (!created) return fail(std::move(created).error());
    return op_result{std::move(created).value()};
  };
  return planned;
}

store_result<planned_op> plan_op(const update_task_run_op& op, const clock_fn&) {
  const auto& r = op.run;
  if (!is_uuid(r.id))
    return store_fail(store_errc::not_found, "update task run: no task run '" + r.id + "'");
  params values;
  values.add(r.id).add(r.status).add(r.output).add(r.error).add(r.attempts).add(r.priority);
  values.add(r.started_at).add(r.completed_at).add(r.next_attempt_at).add(r.resource_allocation);
  values.add(r.worker).add(r.lease_id).add(r.lease_expires_at).add(r.depends_on);
  values.add(r.schedule_time);
  return planned_op{{{"task_run_update", std::move(values)}}, {}, "update task run"};
}

store_result<planned_op> plan_op(const append_task_log_op& op, const clock_fn& clock) {
  auto place = "append log of task run '" + op.run_id + "'";
  if (op.lines.empty()) return planned_op{{}, {}, place};
  if (!is_uuid(op.run_id)) return store_fail(store_errc::not_found, place + ": no such run");
  integers at;
  texts streams, lines;
  auto now = clock();
  for (const auto& line : op.lines) {
    at.push_back(line.at == 0 ? now : line.at);
    streams.push_back(line.stream);
    lines.push_back(line.text);
  }
  params values;
  values.add(op.run_id).add(integer_array(at)).add(text_array(streams)).add(text_array(lines));
  return planned_op{{{"task_log_append", std::move(values)}}, {}, place};
}

}  // namespace auraos::persistence::postgres
