// The pattern reads of the SQLite store.
#include "persistence/cursor.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/pattern_rows.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence::sqlite {

store_result<event_pattern_record> sqlite_store::get_event_pattern(const std::string& id) {
  auto& query = queries_["event_pattern_get"];
  query.bind(1, id);
  return found_or(fetch_one<event_pattern_record>(query, read_event_pattern),
                  "get event pattern: no pattern '" + id + "'");
}

store_result<page<event_pattern_record>> sqlite_store::list_event_patterns(
    const page_request& page) {
  constexpr std::string_view place = "list event patterns";
  if (auto ok = check_page_limit(page, place); !ok) return fail(std::move(ok).error());
  auto& query = queries_["event_pattern_list"];
  if (page.cursor) {
    auto position = decode_cursor(*page.cursor, place);
    if (!position) return fail(std::move(position).error());
    query.bind(3, position->created_at).bind(4, std::string_view{position->id});
  }
  query.bind(5, page.limit + 1);
  auto rows = fetch_all<event_pattern_record>(query, read_event_pattern);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<std::vector<event_pattern_state>> sqlite_store::event_pattern_states() {
  return fetch_all<event_pattern_state>(queries_["event_pattern_states"], read_pattern_state);
}

}  // namespace auraos::persistence::sqlite
