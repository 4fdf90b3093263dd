// The pattern reads of the PostgreSQL store.
#include "persistence/cursor.hpp"
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/page_params.hpp"
#include "persistence/postgres/pattern_rows.hpp"
#include "persistence/postgres/postgres_store.hpp"

namespace auraos::persistence::postgres {

store_result<event_pattern_record> postgres_store::get_event_pattern(const std::string& id) {
  params values;
  values.add(id);
  return found_or(fetch_all<event_pattern_record>(*pool_, "event_pattern_get", values,
                                                  "get event pattern", read_event_pattern),
                  "get event pattern: no pattern '" + id + "'");
}

store_result<page<event_pattern_record>> postgres_store::list_event_patterns(
    const page_request& page) {
  params values;
  if (auto added = add_page(values, page, "list event patterns"); !added)
    return fail(std::move(added).error());
  auto rows = fetch_all<event_pattern_record>(*pool_, "event_pattern_list", values,
                                              "list event patterns", read_event_pattern);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<std::vector<event_pattern_state>> postgres_store::event_pattern_states() {
  return fetch_all<event_pattern_state>(*pool_, "event_pattern_states", params{},
                                        "event pattern states", read_pattern_state);
}

}  // namespace auraos::persistence::postgres
