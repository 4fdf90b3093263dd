// The execution operations: create (idempotent by key) and update.
#include <utility>

#include "persistence/shards.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/rows.hpp"
#include "persistence/sqlite/writer.hpp"
#include "runtime/uuid.hpp"

namespace auraos::persistence::sqlite {

namespace {

store_result<std::optional<execution_record>> find_by_key(query_cache& queries,
                                                          const execution_record& e) {
  if (!e.idempotency_key) return std::optional<execution_record>{};
  auto& query = queries["execution_by_idempotency_key"];
  query.bind(1, e.workflow_id).bind(2, *e.idempotency_key);
  return fetch_one<execution_record>(query, read_execution);
}

store_result<std::int64_t> latest_revision(query_cache& queries, const std::string& workflow_id) {
  auto& query = queries["workflow_get_latest"];
  query.bind(1, workflow_id);
  auto found = fetch_one<workflow_record>(query, read_workflow);
  if (!found) return fail(std::move(found).error());
  if (!*found)
    return store_fail(store_errc::not_found, "create execution: no workflow '" + workflow_id + "'");
  return (*found)->revision;
}

store_status insert(query_cache& queries, const execution_record& e, std::int64_t shard) {
  auto& query = queries["execution_insert"];
  query.bind(1, e.id).bind(2, e.workflow_id).bind(3, e.revision).bind(4, to_string(e.status));
  query.bind(5, e.input).bind(6, e.output).bind(7, e.error).bind(8, e.created_at);
  query.bind(9, e.started_at).bind(10, e.completed_at).bind(11, e.idempotency_key);
  query.bind(12, e.metrics).bind(13, shard).bind(14, e.created_by).bind(15, e.secrets);
  auto done = query.run();
  if (!done) done.error().message = "create execution '" + e.id + "': " + done.error().message;
  return done;
}

}  // namespace

store_result<op_result> writer::apply_op(const create_execution_op& op) {
  if (auto fenced = check_fence(op.lease, "create execution", op.execution.id); !fenced)
    return fail(std::move(fenced).error());
  auto existing = find_by_key(queries_, op.execution);
  if (!existing) return fail(std::move(existing).error());
  if (*existing) return created_result(std::move(**existing), true);
  execution_record e = op.execution;
  if (e.id.empty()) e.id = runtime::random_uuid();
  if (e.created_at == 0) e.created_at = clock_();
  if (e.revision == 0) {
    auto revision = latest_revision(queries_, e.workflow_id);
    if (!revision) return fail(std::move(revision).error());
    e.revision = *revision;
  }
  if (auto done = insert(queries_, e, row_shard(e.id, op.lease, shards_)); !done)
    return fail(std::move(done).error());
  auto& stored = queries_["execution_get"];  // with the columns the store derives
  stored.bind(1, e.id);
  auto row = fetch_one<execution_record>(stored, read_execution);
  if (!row) return fail(std::move(row).error());
  return created_result(std::move(**row), false);
}

store_result<op_result> writer::apply_op(const update_execution_op& op) {
  const auto& u = op.update;
  if (auto fenced = check_fence(op.lease, "update execution", u.id); !fenced)
    return fail(std::move(fenced).error());
  auto& query = queries_["execution_update"];
  std::optional<std::string> status;
  if (u.status) status = std::string{to_string(*u.status)};
  query.bind(1, u.id).bind(2, status).bind(3, u.output).bind(4, u.error);
  query.bind(5, u.started_at).bind(6, u.completed_at).bind(7, u.metrics);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found, "update execution: no execution '" + u.id + "'");
  return op_result{};
}

}  // namespace auraos::persistence::sqlite
