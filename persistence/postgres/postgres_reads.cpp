// The read operations of the PostgreSQL store.
#include "persistence/cursor.hpp"
#include "persistence/postgres/array_literal.hpp"
#include "persistence/postgres/connection_pool.hpp"
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/page_params.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "persistence/postgres/rows.hpp"
#include "persistence/postgres/transaction.hpp"

namespace auraos::persistence::postgres {

namespace {

/// Cuts the extra row off and turns it into the next cursor.
template <class T>
store_result<page<T>> make_page(store_result<std::vector<T>> rows, const page_request& request,
                                list_order order = list_order::oldest_first) {
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), request, order);
}

}  // namespace

store_result<workflow_record> postgres_store::get_workflow(const std::string& id,
                                                           std::optional<std::int64_t> revision) {
  params values;
  values.add(id);
  if (revision) values.add(*revision);
  auto what = revision ? " revision " + std::to_string(*revision) : std::string{};
  auto place = "get workflow '" + id + "'" + what;
  return found_or(
      fetch_all<workflow_record>(*pool_, revision ? "workflow_get_revision" : "workflow_get_latest",
                                 values, place, read_workflow),
      "get workflow: no workflow '" + id + "'" + what);
}

store_result<page<workflow_record>> postgres_store::list_workflows(const workflow_filter& filter,
                                                                   const page_request& page) {
  params values;
  values.add(filter.name).add(filter.tag);
  if (auto added = add_page(values, page, "list workflows"); !added)
    return fail(std::move(added).error());
  std::optional<std::string> status;
  if (filter.status) status = std::string{to_string(*filter.status)};
  values.add(status).add(filter.name_contains);
  return make_page(
      fetch_all<workflow_record>(*pool_, "workflow_list", values, "list workflows", read_workflow),
      page);
}

store_result<page<workflow_record>> postgres_store::list_workflow_revisions(
    const std::string& id, const page_request& page) {
  constexpr std::string_view place = "list workflow revisions";
  if (auto ok = check_page_limit(page, place); !ok) return fail(std::move(ok).error());
  auto after = decode_revision_cursor(page.cursor, place);
  if (!after) return fail(std::move(after).error());
  params values;
  values.add(id).add(*after).add(page.limit + 1);
  auto rows = fetch_all<workflow_record>(*pool_, "workflow_revisions", values,
                                         std::string{place} + " '" + id + "'", read_workflow);
  if (!rows) return fail(std::move(rows).error());
  if (rows->empty() && *after == 0)
    return store_fail(store_errc::not_found, std::string{place} + ": no workflow '" + id + "'");
  return make_revision_page(std::move(rows).value(), page);
}

store_result<execution_record> postgres_store::get_execution(const std::string& id) {
  auto missing = "get execution: no execution '" + id + "'";
  if (!is_uuid(id)) return store_fail(store_errc::not_found, missing);
  params values;
  values.add(id);
  return found_or(fetch_all<execution_record>(*pool_, "execution_get", values,
                                              "get execution '" + id + "'", read_execution),
                  missing);
}

store_result<page<execution_record>> postgres_store::list_executions(const execution_filter& filter,
                                                                     const page_request& page) {
  std::optional<std::string> status;
  if (filter.status) status = std::string{to_string(*filter.status)};
  params values;
  values.add(filter.workflow_id).add(status);
  if (auto added = add_page(values, page, "list executions", filter.order); !added)
    return fail(std::move(added).error());
  values.add(filter.created_from).add(filter.created_before);
  if (auto position = decode_cursor(page.cursor.value_or(""), "", filter.order);
      position && !is_uuid(position->id))
    return store_fail(store_errc::invalid,
                      "list executions: malformed cursor '" + *page.cursor + "'");
  auto newest = filter.order == list_order::newest_first;
  return make_page(
      fetch_all<execution_record>(*pool_, newest ? "execution_list_newest" : "execution_list",
                                  values, "list executions", read_execution),
      page, filter.order);
}

store_result<std::vector<execution_record>> postgres_store::unfinished_executions(
    const std::vector<std::int64_t>& shards) {
  params values;
  if (!shards.empty()) values.add(integer_array(shards));
  return fetch_all<execution_record>(
      *pool_, shards.empty() ? "execution_unfinished" : "execution_unfinished_in_shards", values,
      "list unfinished executions", read_execution);
}

store_result<std::vector<history_event>> postgres_store::read_history(
    const std::string& execution_id, std::int64_t after_seq, std::int64_t limit) {
  if (!is_uuid(execution_id)) return std::vector<history_event>{};
  params values;
  values.add(execution_id).add(after_seq).add(limit);
  return fetch_all<history_event>(*pool_, "history_read", values,
                                  "read history of execution '" + execution_id + "'",
                                  read_history_event);
}

store_result<std::optional<snapshot_record>> postgres_store::latest_snapshot(
    const std::string& execution_id) {
  if (!is_uuid(execution_id)) return std::optional<snapshot_record>{};
  params values;
  values.add(execution_id);
  return first(fetch_all<snapshot_record>(*pool_, "snapshot_latest", values,
                                          "latest snapshot of execution '" + execution_id + "'",
                                          read_snapshot));
}

store_result<std::vector<timer_record>> postgres_store::due_timers(
    std::int64_t now_ms, std::int64_t limit, const std::vector<std::int64_t>& shards) {
  params values;
  values.add(now_ms).add(limit);
  if (!shards.empty()) values.add(integer_array(shards));
  return fetch_all<timer_record>(*pool_, shards.empty() ? "timer_due" : "timer_due_in_shards",
                                 values, "due timers", read_timer);
}

store_result<std::optional<std::int64_t>> postgres_store::next_timer_deadline(
    const std::vector<std::int64_t>& shards) {
  params values;
  if (!shards.empty()) values.add(integer_array(shards));
  auto rows = fetch_all<std::optional<std::int64_t>>(
      *pool_, shards.empty() ? "timer_next_deadline" : "timer_next_deadline_in_shards", values,
      "next timer deadline",
      [](const pg_result& r, int row) { return r.optional_integer(row, 0); });
  if (!rows) return fail(std::move(rows).error());
  return rows->empty() ? std::nullopt : rows->front();
}

store_result<shard_lease> postgres_store::get_shard_lease(std::int64_t shard) {
  params values;
  values.add(shard);
  return found_or(fetch_all<shard_lease>(*pool_, "lease_get", values,
                                         "get shard lease " + std::to_string(shard), read_lease),
                  "get shard lease: shard " + std::to_string(shard) + " has no lease");
}

store_result<execution_activity> postgres_store::execution_activity_between(std::int64_t from_ms,
                                                                            std::int64_t to_ms) {
  params window;
  window.add(from_ms).add(to_ms);
  auto starts =
      fetch_all<std::int64_t>(*pool_, "execution_started_between", window, "read execution starts",
                              [](const pg_result& r, int row) { return r.integer(row, 0); });
  if (!starts) return fail(std::move(starts).error());
  auto ends = fetch_all<ended_execution_row>(
      *pool_, "execution_ended_between", window, "read execution ends",
      [](const pg_result& r, int row) -> store_result<ended_execution_row> {
        auto status = parse_execution_status(r.text(row, 1));
        if (!status) return fail(std::move(status).error());
        return ended_execution_row{r.integer(row, 0), *status, r.optional_integer(row, 2)};
      });
  if (!ends) return fail(std::move(ends).error());
  return execution_activity{std::move(*starts), std::move(*ends)};
}

store_result<status_counts> postgres_store::count_executions_by_status() {
  auto rows = fetch_all<std::pair<std::string, std::int64_t>>(
      *pool_, "execution_count_by_status", params{}, "count executions by status",
      [](const pg_result& r, int row) {
        return std::pair{r.text(row, 0), r.integer(row, 1)};
      });
  if (!rows) return fail(std::move(rows).error());
  return status_counts(rows->begin(), rows->end());
}

store_status postgres_store::ping() {
  // Takes, and rolls back, the lock every write takes on each table of the schema: a table
  // locked by another session for longer than 200 ms answers unavailable (55P03).
  constexpr std::string_view lock_every_table = R"sql(
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()
      LOOP EXECUTE 'LOCK TABLE ' || t || ' IN ROW EXCLUSIVE MODE'; END LOOP;
    END $$)sql";
  auto conn = pool_->acquire();
  if (!conn) return fail(std::move(conn).error());
  auto tx = transaction::begin(**conn);
  if (!tx) return fail(std::move(tx).error());
  if (auto set = (*conn)->exec("SET LOCAL lock_timeout = '200ms'", "ping"); !set)
    return fail(std::move(set).error());
  auto locked = (*conn)->exec(lock_every_table, "ping (take the write locks)");
  if (!locked) return fail(std::move(locked).error());
  return std::monostate{};
}

}  // namespace auraos::persistence::postgres
