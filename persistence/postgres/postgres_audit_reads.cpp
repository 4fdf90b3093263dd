// The audit log reads of the PostgreSQL store: a filtered page newest first, counts of a frame.
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "persistence/postgres/security_rows.hpp"
#include "persistence/security_audit_list.hpp"

namespace auraos::persistence::postgres {

store_result<page<audit_record>> postgres_store::list_audit(const audit_filter& filter,
                                                            const page_request& page) {
  return list_audit_page(filter, page, [this](const audit_list_query& q) {
    const auto& f = q.filter;
    params values;
    values.add(f.from).add(f.to).add(f.actor).add(f.action).add(f.outcome).add(f.target);
    values.add(q.before_seq).add(q.rows);
    return fetch_all<audit_record>(*pool_, "audit_list", values, "list audit", read_audit);
  });
}

store_result<audit_summary> postgres_store::summarize_audit(std::int64_t from_ms,
                                                            std::int64_t to_ms) {
  params values;
  values.add(from_ms).add(to_ms);
  auto groups =
      fetch_all<audit_group>(*pool_, "audit_groups", values, "summarize audit", read_audit_group);
  if (!groups) return fail(std::move(groups).error());
  return summarize(*groups);
}

}  // namespace auraos::persistence::postgres
