// The retention and metrics reads of the PostgreSQL store: rules, stored types, the seq below
// which a type holds more than a count, and event counts per bucket.
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/postgres_store.hpp"

namespace auraos::persistence::postgres {

store_result<std::vector<event_retention_rule>> postgres_store::event_retention_rules() {
  return fetch_all<event_retention_rule>(
      *pool_, "event_retention_list", params{}, "event retention rules",
      [](const pg_result& rows, int row) {
        return event_retention_rule{rows.text(row, 0), rows.optional_integer(row, 1),
                                    rows.optional_integer(row, 2), rows.integer(row, 3)};
      });
}

store_result<std::vector<std::string>> postgres_store::event_types() {
  return fetch_all<std::string>(*pool_, "event_types", params{}, "event types",
                                [](const pg_result& rows, int row) { return rows.text(row, 0); });
}

store_result<std::int64_t> postgres_store::event_count_cutoff(const std::string& type,
                                                              std::int64_t keep) {
  if (keep < 1) return store_fail(store_errc::invalid, "event count cutoff: keep must be positive");
  params values;
  values.add(type).add(keep);
  auto seqs = fetch_all<std::int64_t>(*pool_, "event_count_cutoff", values, "event count cutoff",
                                      [](const pg_result& rows, int row) { return rows.integer(row, 0); });
  if (!seqs) return fail(std::move(seqs).error());
  return seqs->empty() ? std::int64_t{0} : seqs->front();
}

store_result<std::vector<event_count>> postgres_store::event_counts(std::int64_t from_ms,
                                                                    std::int64_t to_ms,
                                                                    std::int64_t interval_ms,
                                                                    std::int64_t limit) {
  if (interval_ms < 1) return store_fail(store_errc::invalid, "event counts: interval must be positive");
  params values;
  values.add(from_ms).add(to_ms).add(interval_ms).add(limit);
  return fetch_all<event_count>(*pool_, "event_counts", values, "event counts",
                                [](const pg_result& rows, int row) {
                                  return event_count{rows.integer(row, 0), rows.text(row, 1),
                                                     rows.text(row, 2), rows.integer(row, 3)};
                                });
}

}  // namespace auraos::persistence::postgres
