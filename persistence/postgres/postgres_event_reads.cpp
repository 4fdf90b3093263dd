// The event reads of the PostgreSQL store.
#include "persistence/event_list.hpp"
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "persistence/postgres/rows.hpp"

namespace auraos::persistence::postgres {

namespace {

/// The one integer a query answers (0 without a row).
store_result<std::int64_t> integer_or_zero(store_result<std::vector<std::int64_t>> rows) {
  auto found = first(std::move(rows));
  if (!found) return fail(std::move(found).error());
  return found->value_or(0);
}

std::int64_t read_integer(const pg_result& rows, int row) {
  return rows.integer(row, 0);
}

}  // namespace

store_result<event_record> postgres_store::get_event(const std::string& id) {
  params values;
  values.add(id);
  return found_or(fetch_all<event_record>(*pool_, "event_get", values, "get event", read_event),
                  "get event: no event '" + id + "'");
}

store_result<page<event_record>> postgres_store::list_events(const event_filter& filter,
                                                             const page_request& page) {
  return list_event_page(filter, page, [this](const event_list_query& q) {
    const auto& f = q.filter;
    std::optional<std::string> type;
    if (!f.types.empty()) type = f.types.front();
    params values;
    values.add(type).add(f.source).add(f.correlation_id).add(q.after_seq);
    values.add(f.from_ms).add(f.to_ms).add(f.stored_from_ms).add(q.rows);
    return fetch_all<event_record>(*pool_, event_list_statement(q), values, "list events",
                                   read_event);
  });
}

store_result<std::vector<event_record>> postgres_store::correlated_events(
    const std::string& correlation_id, std::int64_t limit) {
  params values;
  values.add(correlation_id).add(limit > 0 ? std::optional{limit} : std::nullopt);
  return fetch_all<event_record>(*pool_, "event_correlated", values, "correlated events",
                                 read_event);
}

store_result<std::int64_t> postgres_store::last_event_seq() {
  return integer_or_zero(
      fetch_all<std::int64_t>(*pool_, "event_max_seq", params{}, "last event seq", read_integer));
}

store_result<std::int64_t> postgres_store::event_cursor(const std::string& name) {
  params values;
  values.add(name);
  return integer_or_zero(fetch_all<std::int64_t>(*pool_, "event_cursor_get", values,
                                                 "event cursor '" + name + "'", read_integer));
}

}  // namespace auraos::persistence::postgres
