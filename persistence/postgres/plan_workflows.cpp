// Planning of the workflow and execution operations.
#include <utility>

#include "persistence/json_columns.hpp"
#include "persistence/postgres/plan.hpp"
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/rows.hpp"
#include "persistence/shards.hpp"
#include "runtime/uuid.hpp"

namespace auraos::persistence::postgres {

namespace {

/// Plans a put (workflow_put) or a create (workflow_create: conflict when the id is live).
store_result<planned_op> plan_put(const workflow_draft& d, const clock_fn& clock, bool create) {
  if (d.id.empty()) return store_fail(store_errc::invalid, "put workflow: empty id");
  auto now = clock();
  planned_op planned{{}, {}, (create ? "create workflow '" : "put workflow '") + d.id + "'"};
  std::optional<std::string> status;
  if (d.status) status = std::string{to_string(*d.status)};
  params values;
  values.add(d.id).add(d.name).add(d.description).add(d.version).add(d.definition);
  values.add(tags_to_json(d.tags)).add(now).add(status).add(d.metadata);
  planned.commands.push_back({create ? "workflow_create" : "workflow_put", std::move(values)});
  planned.read = [d, now](const pg_result& rows) -> store_result<op_result> {
    auto status = parse_workflow_status(rows.text(0, 2));
    if (!status) return fail(std::move(status).error());
    std::optional<std::string> metadata;
    if (d.metadata) metadata = compact_json(*d.metadata);
    return op_result{workflow_record{d.id, d.name, d.description, d.version, rows.integer(0, 0),
                                     d.definition, d.tags, rows.integer(0, 1), now, *status,
                                     std::move(metadata)}};
  };
  return planned;
}

}  // namespace

store_result<planned_op> plan_op(const put_workflow_op& op, const clock_fn& clock) {
  return plan_put(op.draft, clock, false);
}

store_result<planned_op> plan_op(const create_workflow_op& op, const clock_fn& clock) {
  return plan_put(op.draft, clock, true);
}

store_result<planned_op> plan_op(const set_workflow_status_op& op, const clock_fn&) {
  params values;
  values.add(op.id).add(std::string{to_string(op.status)});
  planned_op planned{
      {{"workflow_set_status", std::move(values)}}, {}, "set status of workflow '" + op.id + "'"};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    auto w = read_workflow(rows, 0);
    if (!w) return fail(std::move(w).error());
    return op_result{std::move(w).value()};
  };
  return planned;
}

store_result<planned_op> plan_op(const delete_workflow_op& op, const clock_fn& clock) {
  params values;
  values.add(op.id).add(clock());
  return planned_op{{{"workflow_delete", std::move(values)}}, {}, "delete workflow"};
}

store_result<planned_op> plan_op(const create_execution_op& op, const clock_fn& clock,
                                 std::int64_t shards) {
  execution_record e = op.execution;
  if (e.id.empty()) e.id = runtime::random_uuid();
  if (!is_uuid(e.id))
    return store_fail(store_errc::invalid, "create execution: id '" + e.id + "' is not a UUID");
  if (e.created_at == 0) e.created_at = clock();
  params values;
  values.add(e.id).add(e.workflow_id).add(e.revision).add(std::string{to_string(e.status)});
  values.add(e.input).add(e.output).add(e.error).add(e.created_at).add(e.started_at);
  values.add(e.completed_at).add(e.idempotency_key).add(e.metrics);
  values.add(row_shard(e.id, op.lease, shards)).add(e.created_by).add(e.secrets);
  planned_op planned{{{"execution_create", std::move(values)}}, {}, "create execution"};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    auto stored = read_execution(rows, 0);
    if (!stored) return fail(std::move(stored).error());
    return created_result(std::move(stored).value(), rows.boolean(0, 16));
  };
  return planned;
}

store_result<planned_op> plan_op(const update_execution_op& op, const clock_fn&) {
  const auto& u = op.update;
  if (!is_uuid(u.id))
    return store_fail(store_errc::not_found, "update execution: no execution '" + u.id + "'");
  std::optional<std::string> status;
  if (u.status) status = std::string{to_string(*u.status)};
  params values;
  values.add(u.id).add(status).add(u.output).add(u.error).add(u.started_at).add(u.completed_at);
  values.add(u.metrics);
  return planned_op{{{"execution_update", std::move(values)}}, {}, "update execution"};
}

}  // namespace auraos::persistence::postgres
