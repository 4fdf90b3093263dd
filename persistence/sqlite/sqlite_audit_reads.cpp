// The audit log reads of the SQLite store: a filtered page newest first, counts of a frame.
#include "persistence/security_audit_list.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/security_rows.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence::sqlite {

store_result<page<audit_record>> sqlite_store::list_audit(const audit_filter& filter,
                                                          const page_request& page) {
  return list_audit_page(filter, page, [this](const audit_list_query& q) {
    const auto& f = q.filter;
    auto& query = queries_["audit_list"];
    query.bind(1, f.from).bind(2, f.to).bind(3, f.actor).bind(4, f.action).bind(5, f.outcome);
    query.bind(6, f.target).bind(7, q.before_seq).bind(8, q.rows);
    return fetch_all<audit_record>(query, read_audit);
  });
}

store_result<audit_summary> sqlite_store::summarize_audit(std::int64_t from_ms,
                                                          std::int64_t to_ms) {
  auto& query = queries_["audit_groups"];
  query.bind(1, from_ms).bind(2, to_ms);
  auto groups = fetch_all<audit_group>(query, read_audit_group);
  if (!groups) return fail(std::move(groups).error());
  return summarize(*groups);
}

}  // namespace auraos::persistence::sqlite
