#include "persistence/security_audit_list.hpp"

#include <map>

#include "persistence/cursor.hpp"
#include "persistence/event_list.hpp"

namespace auraos::persistence {

namespace {

constexpr std::string_view place = "list audit";

/// The counts of a map, by key.
std::vector<audit_count> counts_of(const std::map<std::string, std::int64_t>& totals) {
  std::vector<audit_count> out;
  for (const auto& [key, count] : totals) out.push_back({key, count});
  return out;
}

}  // namespace

store_result<page<audit_record>> list_audit_page(const audit_filter& filter,
                                                 const page_request& request,
                                                 const audit_list_runner& run) {
  if (auto ok = check_page_limit(request, place); !ok) return fail(std::move(ok).error());
  audit_list_query query{filter, std::nullopt, request.limit + 1};
  if (request.cursor) {
    // Audit cursors are seq cursors, as the event log's are.
    auto seq = decode_event_cursor(*request.cursor, place);
    if (!seq) return fail(std::move(seq).error());
    query.before_seq = *seq;
  }
  auto rows = run(query);
  if (!rows) return fail(std::move(rows).error());
  return make_seq_page(std::move(rows).value(), request);
}

audit_summary summarize(const std::vector<audit_group>& groups) {
  std::map<std::string, std::int64_t> outcomes, actions;
  audit_summary out;
  for (const auto& g : groups) {
    outcomes[g.outcome] += g.count;
    actions[g.action] += g.count;
    out.total += g.count;
  }
  out.by_outcome = counts_of(outcomes);
  out.by_action = counts_of(actions);
  return out;
}

}  // namespace auraos::persistence
