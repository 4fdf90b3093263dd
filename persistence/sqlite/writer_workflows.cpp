// Dispatch of write operations, and the workflow operations.
#include <utility>

#include "persistence/json_columns.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

namespace {

struct workflow_state {
  std::int64_t revision = 0;
  std::int64_t created_at = 0;
  std::string status;
  bool deleted = false;
};

workflow_state read_state(const statement& row) {
  return {row.integer(0), row.integer(1), row.text(2), row.integer(3) != 0};
}

/// The status a put leaves: the given one, else a live workflow's own, else draft.
store_result<workflow_status> status_after_put(const workflow_draft& draft,
                                               const std::optional<workflow_state>& state) {
  if (draft.status) return *draft.status;
  if (!state || state->deleted) return workflow_status::draft;
  return parse_workflow_status(state->status);
}

void bind_workflow(statement& query, const workflow_record& w, const std::string& tags) {
  query.bind(1, w.id).bind(2, w.name).bind(3, w.description).bind(4, w.version);
  query.bind(5, w.revision).bind(6, w.definition).bind(7, tags);
  query.bind(8, w.created_at).bind(9, w.updated_at);
  query.bind(10, std::string{to_string(w.status)}).bind(11, w.metadata);
}

}  // namespace

store_result<op_result> writer::apply(const write_op& op) {
  return std::visit([this](const auto& one) { return apply_op(one); }, op);
}

store_result<op_result> writer::apply_op(const put_workflow_op& op) {
  return put(op.draft, false);
}

store_result<op_result> writer::apply_op(const create_workflow_op& op) {
  return put(op.draft, true);
}

store_result<op_result> writer::put(const workflow_draft& draft, bool create_only) {
  if (draft.id.empty()) return store_fail(store_errc::invalid, "put workflow: empty id");
  auto& state_query = queries_["workflow_state"];
  state_query.bind(1, draft.id);
  auto state = fetch_one<workflow_state>(state_query, read_state);
  if (!state) return fail(std::move(state).error());
  if (create_only && *state && !(*state)->deleted)
    return store_fail(store_errc::conflict, "create workflow: workflow '" + draft.id + "' exists");
  auto now = clock_();
  auto status = status_after_put(draft, *state);
  if (!status) return fail(std::move(status).error());
  auto previous = state->value_or(workflow_state{0, now, {}, false});
  workflow_record w{draft.id,
                    draft.name,
                    draft.description,
                    draft.version,
                    previous.revision + 1,
                    draft.definition,
                    draft.tags,
                    previous.created_at,
                    now};
  w.status = *status;
  w.metadata = draft.metadata;
  auto tags = tags_to_json(w.tags);
  for (auto name : {"workflow_upsert", "workflow_revision_insert"}) {
    auto& query = queries_[name];
    bind_workflow(query, w, tags);
    if (auto done = query.run(); !done) return fail(std::move(done).error());
  }
  if (auto done = store_tags(w); !done) return fail(std::move(done).error());
  return op_result{std::move(w)};
}

store_status writer::store_tags(const workflow_record& workflow) {
  auto& clear = queries_["workflow_tags_clear"];
  clear.bind(1, workflow.id);
  if (auto done = clear.run(); !done) return done;
  for (const auto& tag : workflow.tags) {
    auto& insert = queries_["workflow_tag_insert"];
    insert.bind(1, workflow.id).bind(2, tag);
    if (auto done = insert.run(); !done) return done;
  }
  return std::monostate{};
}

store_result<op_result> writer::apply_op(const delete_workflow_op& op) {
  auto& query = queries_["workflow_delete"];
  query.bind(1, op.id).bind(2, clock_());
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found, "delete workflow: no workflow '" + op.id + "'");
  return op_result{};
}

store_result<op_result> writer::apply_op(const set_workflow_status_op& op) {
  auto& query = queries_["workflow_set_status"];
  query.bind(1, op.id).bind(2, std::string{to_string(op.status)});
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found, "set workflow status: no workflow '" + op.id + "'");
  auto& read = queries_["workflow_get_latest"];
  read.bind(1, op.id);
  auto found = fetch_one<workflow_record>(read, read_workflow);
  if (!found) return fail(std::move(found).error());
  return op_result{std::move(**found)};
}

}  // namespace auraos::persistence::sqlite
