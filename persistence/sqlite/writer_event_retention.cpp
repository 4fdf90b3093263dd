// The retention rule operations of the SQLite writer: put (insert or replace) and delete.
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<op_result> writer::apply_op(const put_event_retention_op& op) {
  const auto& rule = op.rule;
  if (rule.type.empty()) return store_fail(store_errc::invalid, "put event retention: empty type");
  auto& query = queries_["event_retention_put"];
  query.bind(1, rule.type).bind(2, rule.max_age_seconds).bind(3, rule.max_count).bind(4, clock_());
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{};
}

store_result<op_result> writer::apply_op(const delete_event_retention_op& op) {
  auto& query = queries_["event_retention_delete"];
  query.bind(1, op.type);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found,
                      "delete event retention: no rule for type '" + op.type + "'");
  return op_result{};
}

}  // namespace auraos::persistence::sqlite
