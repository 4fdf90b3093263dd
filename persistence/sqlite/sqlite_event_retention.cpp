// The retention and metrics reads of the SQLite store: rules, stored types, the seq below which
// a type holds more than a count, and event counts per bucket.
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence::sqlite {

namespace {

std::optional<std::int64_t> optional_integer(const statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

}  // namespace

store_result<std::vector<event_retention_rule>> sqlite_store::event_retention_rules() {
  return fetch_all<event_retention_rule>(queries_["event_retention_list"], [](const statement& row) {
    return event_retention_rule{row.text(0), optional_integer(row, 1), optional_integer(row, 2),
                                row.integer(3)};
  });
}

store_result<std::vector<std::string>> sqlite_store::event_types() {
  return fetch_all<std::string>(queries_["event_types"],
                                [](const statement& row) { return row.text(0); });
}

store_result<std::int64_t> sqlite_store::event_count_cutoff(const std::string& type,
                                                            std::int64_t keep) {
  if (keep < 1) return store_fail(store_errc::invalid, "event count cutoff: keep must be positive");
  auto& query = queries_["event_count_cutoff"];
  query.bind(1, type).bind(2, keep);
  auto seq = fetch_integer(query);
  if (!seq) return fail(std::move(seq).error());
  return seq->value_or(0);
}

store_result<std::vector<event_count>> sqlite_store::event_counts(std::int64_t from_ms,
                                                                  std::int64_t to_ms,
                                                                  std::int64_t interval_ms,
                                                                  std::int64_t limit) {
  if (interval_ms < 1) return store_fail(store_errc::invalid, "event counts: interval must be positive");
  auto& query = queries_["event_counts"];
  query.bind(1, from_ms).bind(2, to_ms).bind(3, interval_ms).bind(4, limit);
  return fetch_all<event_count>(query, [](const statement& row) {
    return event_count{row.integer(0), row.text(1), row.text(2), row.integer(3)};
  });
}

}  // namespace auraos::persistence::sqlite
