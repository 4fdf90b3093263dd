// The pattern operations: rules (create, replace, delete with their state) and matcher states.
#include <utility>

#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/pattern_rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<op_result> writer::apply_op(const put_event_pattern_op& op) {
  const auto& p = op.pattern;
  if (p.id.empty()) return store_fail(store_errc::invalid, "put event pattern: empty id");
  bool create = op.mode == pattern_put_mode::create;
  auto& query = queries_[create ? "event_pattern_insert" : "event_pattern_update"];
  query.bind(1, p.id).bind(2, p.name).bind(3, p.kind).bind(4, p.rule).bind(5, clock_());
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return create ? store_fail(store_errc::conflict,
                               "create event pattern: pattern '" + p.id + "' exists")
                  : store_fail(store_errc::not_found,
                               "update event pattern: no pattern '" + p.id + "'");
  auto& get = queries_["event_pattern_get"];
  get.bind(1, p.id);
  auto stored = found_or(fetch_one<event_pattern_record>(get, read_event_pattern),
                         "put event pattern: pattern '" + p.id + "' vanished");
  if (!stored) return fail(std::move(stored).error());
  return op_result{std::move(stored).value()};
}

store_result<op_result> writer::apply_op(const delete_event_pattern_op& op) {
  auto& query = queries_["event_pattern_delete"];
  query.bind(1, op.id);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  if (query.changes() == 0)
    return store_fail(store_errc::not_found, "delete event pattern: no pattern '" + op.id + "'");
  return op_result{};
}

store_result<op_result> writer::apply_op(const put_pattern_state_op& op) {
  auto& query = queries_["event_pattern_state_put"];
  query.bind(1, op.pattern_id).bind(2, op.state).bind(3, clock_());
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{};
}

}  // namespace auraos::persistence::sqlite
