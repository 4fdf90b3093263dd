// The event operations: publish (idempotent by id, seq from the event_seq counter), delete by
// age, consumers' cursors.
#include <algorithm>
#include <utility>

#include "persistence/event_publish.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

namespace {

/// Inserts `e` at `seq`; false when its id is stored already (nothing changed).
store_result<bool> insert(query_cache& queries, const event_record& e, std::int64_t seq) {
  auto& query = queries["event_insert"];
  query.bind(1, e.id).bind(2, e.type).bind(3, e.source).bind(4, e.data).bind(5, e.metadata);
  query.bind(6, e.timestamp).bind(7, e.correlation_id).bind(8, e.causation_id).bind(9, seq);
  query.bind(10, e.stored_at);
  if (auto done = query.run(); !done) {
    done.error().message = "publish event '" + e.id + "': " + done.error().message;
    return fail(std::move(done).error());
  }
  return query.changes() == 1;
}

/// The stored event with `id` (it exists: its insert found it).
store_result<event_record> stored(query_cache& queries, const std::string& id) {
  auto& query = queries["event_get"];
  query.bind(1, id);
  return found_or(fetch_one<event_record>(query, read_event),
                  "publish event '" + id + "': the stored event vanished");
}

}  // namespace

store_result<op_result> writer::apply_op(const publish_events_op& op) {
  auto events = events_to_store(op, clock_);
  if (!events) return fail(std::move(events).error());
  auto last = fetch_integer(queries_["event_seq_last"]);
  if (!last) return fail(std::move(last).error());
  auto seq = last->value_or(0);
  published_events out;
  for (auto& e : *events) {
    auto inserted = insert(queries_, e, seq + 1);
    if (!inserted) return fail(std::move(inserted).error());
    if (*inserted) {
      e.seq = ++seq;
      out.events.push_back(std::move(e));
    } else {
      auto found = stored(queries_, e.id);
      if (!found) return fail(std::move(found).error());
      out.events.push_back(std::move(found).value());
    }
    out.existing.push_back(!*inserted);
  }
  if (seq != last->value_or(0)) {
    auto& put = queries_["event_seq_put"];
    put.bind(1, seq);
    if (auto done = put.run(); !done) return fail(std::move(done).error());
  }
  return op_result{std::move(out)};
}

store_result<op_result> writer::apply_op(const delete_events_op& op) {
  if (op.limit < 1)
    return store_fail(store_errc::invalid,
                      "delete events: limit " + std::to_string(op.limit) + " is not positive");
  auto& query = queries_[op.type ? "event_delete_by_type" : "event_delete"];
  query.bind(1, op.type).bind(2, op.older_than_ms).bind(3, op.limit).bind(4, op.below_seq);
  deleted_events out;
  auto done = query.for_each_row([&out](const statement& row) {
    ++out.count;
    out.max_deleted_seq = std::max(out.max_deleted_seq, row.integer(0));
  });
  if (!done) return fail(std::move(done).error());
  return op_result{out};
}

store_result<op_result> writer::apply_op(const put_event_cursor_op& op) {
  if (op.name.empty()) return store_fail(store_errc::invalid, "put event cursor: empty name");
  auto& query = queries_["event_cursor_put"];
  query.bind(1, op.name).bind(2, op.seq);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{};
}

}  // namespace auraos::persistence::sqlite
