// The event reads of the SQLite store.
#include "persistence/event_list.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/rows.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence::sqlite {

store_result<event_record> sqlite_store::get_event(const std::string& id) {
  auto& query = queries_["event_get"];
  query.bind(1, id);
  return found_or(fetch_one<event_record>(query, read_event), "get event: no event '" + id + "'");
}

store_result<page<event_record>> sqlite_store::list_events(const event_filter& filter,
                                                           const page_request& page) {
  return list_event_page(filter, page, [this](const event_list_query& q) {
    const auto& f = q.filter;
    auto& query = queries_[event_list_statement(q)];
    std::optional<std::string> type;
    if (!f.types.empty()) type = f.types.front();
    query.bind(1, type).bind(2, f.source).bind(3, f.correlation_id).bind(4, q.after_seq);
    query.bind(5, f.from_ms).bind(6, f.to_ms).bind(7, f.stored_from_ms).bind(8, q.rows);
    return fetch_all<event_record>(query, read_event);
  });
}

store_result<std::vector<event_record>> sqlite_store::correlated_events(
    const std::string& correlation_id, std::int64_t limit) {
  auto& query = queries_["event_correlated"];
  query.bind(1, correlation_id).bind(2, limit > 0 ? limit : std::int64_t{-1});
  return fetch_all<event_record>(query, read_event);
}

store_result<std::int64_t> sqlite_store::last_event_seq() {
  auto last = fetch_integer(queries_["event_max_seq"]);
  if (!last) return fail(std::move(last).error());
  return last->value_or(0);
}

store_result<std::int64_t> sqlite_store::event_cursor(const std::string& name) {
  auto& query = queries_["event_cursor_get"];
  query.bind(1, name);
  auto seq = fetch_integer(query);
  if (!seq) return fail(std::move(seq).error());
  return seq->value_or(0);
}

}  // namespace auraos::persistence::sqlite
