// The read operations of the SQLite store.
#include "persistence/cursor.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/read_params.hpp"
#include "persistence/sqlite/rows.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence::sqlite {

namespace {

/// The statement of an execution list: execution_list[_newest][_workflow][_status], the
/// variant of the template that a range scan of one index serves (query_templates.cpp).
std::string execution_list_query(const execution_filter& filter) {
  std::string name = "execution_list";
  if (filter.order == list_order::newest_first) name += "_newest";
  if (filter.workflow_id) name += "_workflow";
  if (filter.status) name += "_status";
  return name;
}

}  // namespace

store_result<workflow_record> sqlite_store::get_workflow(const std::string& id,
                                                         std::optional<std::int64_t> revision) {
  auto& query = queries_[revision ? "workflow_get_revision" : "workflow_get_latest"];
  query.bind(1, id);
  if (revision) query.bind(2, *revision);
  auto what = revision ? " revision " + std::to_string(*revision) : std::string{};
  return found_or(fetch_one<workflow_record>(query, read_workflow),
                  "get workflow: no workflow '" + id + "'" + what);
}

store_result<page<workflow_record>> sqlite_store::list_workflows(const workflow_filter& filter,
                                                                 const page_request& page) {
  auto& query = queries_["workflow_list"];
  query.bind(1, filter.name).bind(2, filter.tag);
  std::optional<std::string> status;
  if (filter.status) status = std::string{to_string(*filter.status)};
  query.bind(6, status).bind(7, filter.name_contains);
  if (auto bound = bind_page(query, page, "list workflows"); !bound)
    return fail(std::move(bound).error());
  auto rows = fetch_all<workflow_record>(query, read_workflow);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<page<workflow_record>> sqlite_store::list_workflow_revisions(
    const std::string& id, const page_request& page) {
  constexpr std::string_view place = "list workflow revisions";
  if (auto ok = check_page_limit(page, place); !ok) return fail(std::move(ok).error());
  auto after = decode_revision_cursor(page.cursor, place);
  if (!after) return fail(std::move(after).error());
  auto& query = queries_["workflow_revisions"];
  query.bind(1, id).bind(2, *after).bind(3, page.limit + 1);
  auto rows = fetch_all<workflow_record>(query, read_workflow);
  if (!rows) return fail(std::move(rows).error());
  if (rows->empty() && *after == 0)
    return store_fail(store_errc::not_found, std::string{place} + ": no workflow '" + id + "'");
  return make_revision_page(std::move(rows).value(), page);
}

store_result<execution_record> sqlite_store::get_execution(const std::string& id) {
  auto& query = queries_["execution_get"];
  query.bind(1, id);
  return found_or(fetch_one<execution_record>(query, read_execution),
                  "get execution: no execution '" + id + "'");
}

store_result<page<execution_record>> sqlite_store::list_executions(const execution_filter& filter,
                                                                   const page_request& page) {
  auto& query = queries_[execution_list_query(filter)];
  std::optional<std::string> status;
  if (filter.status) status = std::string{to_string(*filter.status)};
  query.bind(1, filter.workflow_id).bind(2, status);
  query.bind(6, filter.created_from).bind(7, filter.created_before);
  if (auto bound = bind_page(query, page, "list executions", filter.order); !bound)
    return fail(std::move(bound).error());
  auto rows = fetch_all<execution_record>(query, read_execution);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page, filter.order);
}

store_result<std::vector<execution_record>> sqlite_store::unfinished_executions(
    const std::vector<std::int64_t>& shards) {
  if (shards.empty())
    return fetch_all<execution_record>(queries_["execution_unfinished"], read_execution);
  auto& query = queries_["execution_unfinished_in_shards"];
  query.bind(1, json_list(shards));
  return fetch_all<execution_record>(query, read_execution);
}

store_result<std::vector<history_event>> sqlite_store::read_history(const std::string& execution_id,
                                                                    std::int64_t after_seq,
                                                                    std::int64_t limit) {
  auto& query = queries_["history_read"];
  query.bind(1, execution_id).bind(2, after_seq).bind(3, limit > 0 ? limit : std::int64_t{-1});
  return fetch_all<history_event>(query, read_history_event);
}

store_result<std::optional<snapshot_record>> sqlite_store::latest_snapshot(
    const std::string& execution_id) {
  auto& query = queries_["snapshot_latest"];
  query.bind(1, execution_id);
  return fetch_one<snapshot_record>(query, read_snapshot);
}

store_result<std::vector<timer_record>> sqlite_store::due_timers(
    std::int64_t now_ms, std::int64_t limit, const std::vector<std::int64_t>& shards) {
  auto& query = queries_[shards.empty() ? "timer_due" : "timer_due_in_shards"];
  query.bind(1, now_ms).bind(2, limit);
  if (!shards.empty()) query.bind(3, json_list(shards));
  return fetch_all<timer_record>(query, read_timer);
}

store_result<std::optional<std::int64_t>> sqlite_store::next_timer_deadline(
    const std::vector<std::int64_t>& shards) {
  auto& query = queries_[shards.empty() ? "timer_next_deadline" : "timer_next_deadline_in_shards"];
  if (!shards.empty()) query.bind(1, json_list(shards));
  auto rows = fetch_all<std::optional<std::int64_t>>(
      query, [](const statement& row) { return row.optional_integer(0); });
  if (!rows) return fail(std::move(rows).error());
  return rows->empty() ? std::nullopt : rows->front();
}

store_result<shard_lease> sqlite_store::get_shard_lease(std::int64_t shard) {
  auto& query = queries_["lease_get"];
  query.bind(1, shard);
  return found_or(fetch_one<shard_lease>(query, read_lease),
                  "get shard lease: shard " + std::to_string(shard) + " has no lease");
}

store_result<execution_activity> sqlite_store::execution_activity_between(std::int64_t from_ms,
                                                                          std::int64_t to_ms) {
  auto& started = queries_["execution_started_between"];
  started.bind(1, from_ms).bind(2, to_ms);
  auto starts =
      fetch_all<std::int64_t>(started, [](const statement& row) { return row.integer(0); });
  if (!starts) return fail(std::move(starts).error());
  auto& ended = queries_["execution_ended_between"];
  ended.bind(1, from_ms).bind(2, to_ms);
  auto ends = fetch_all<ended_execution_row>(
      ended, [](const statement& row) -> store_result<ended_execution_row> {
        auto status = parse_execution_status(row.text(1));
        if (!status) return fail(std::move(status).error());
        return ended_execution_row{row.integer(0), *status, row.optional_integer(2)};
      });
  if (!ends) return fail(std::move(ends).error());
  return execution_activity{std::move(*starts), std::move(*ends)};
}

store_result<status_counts> sqlite_store::count_executions_by_status() {
  auto rows = fetch_all<std::pair<std::string, std::int64_t>>(
      queries_["execution_count_by_status"], [](const statement& row) {
        return std::pair{row.text(0), row.integer(1)};
      });
  if (!rows) return fail(std::move(rows).error());
  return status_counts(rows->begin(), rows->end());
}

store_status sqlite_store::ping() {
  // Short: the store actor's thread waits, and a database locked for longer is not ready.
  constexpr int ping_busy_ms = 200;
  return db_.probe_writable(ping_busy_ms);
}

}  // namespace auraos::persistence::sqlite
