// The task reads of the SQLite store: tasks, runs, log lines, figures and schedules.
#include "persistence/cursor.hpp"
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/read_params.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "persistence/sqlite/task_rows.hpp"
#include "persistence/task_queries.hpp"

namespace auraos::persistence::sqlite {

namespace {

/// The integers of a one-column query on task ?1 limited to ?2 rows.
store_result<std::vector<std::int64_t>> newest_figures(statement& query,
                                                       const std::string& task_id) {
  query.bind(1, task_id).bind(2, task_figures_window);
  return fetch_all<std::int64_t>(query, [](const statement& row) { return row.integer(0); });
}

}  // namespace

store_result<task_record> sqlite_store::get_task(const std::string& id) {
  auto& query = queries_["task_get"];
  query.bind(1, id);
  return found_or(fetch_one<task_record>(query, read_task), "get task: no task '" + id + "'");
}

store_result<page<task_record>> sqlite_store::list_tasks(const task_filter& filter,
                                                         const page_request& page) {
  auto& query = queries_["task_list"];
  query.bind(1, filter.type).bind(2, filter.tag);
  if (auto bound = bind_page(query, page, "list tasks"); !bound)
    return fail(std::move(bound).error());
  auto rows = fetch_all<task_record>(query, read_task);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<task_run_record> sqlite_store::get_task_run(const std::string& id) {
  auto& query = queries_["task_run_get"];
  query.bind(1, id);
  return found_or(fetch_one<task_run_record>(query, read_task_run),
                  "get task run: no task run '" + id + "'");
}

store_result<page<task_run_record>> sqlite_store::list_task_runs(const task_run_filter& filter,
                                                                 const page_request& page) {
  auto& query = queries_[task_run_list_query(filter)];
  query.bind(1, filter.task_id).bind(2, filter.status);
  if (auto bound = bind_page(query, page, "list task runs"); !bound)
    return fail(std::move(bound).error());
  auto rows = fetch_all<task_run_record>(query, read_task_run);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<std::vector<task_run_record>> sqlite_store::unfinished_task_runs(
    const std::vector<std::int64_t>& shards) {
  if (shards.empty())
    return fetch_all<task_run_record>(queries_["task_run_unfinished"], read_task_run);
  auto& query = queries_["task_run_unfinished_in_shards"];
  query.bind(1, json_list(shards));
  return fetch_all<task_run_record>(query, read_task_run);
}

store_result<std::vector<task_log_line>> sqlite_store::task_run_logs(const std::string& run_id,
                                                                     std::int64_t after_seq,
                                                                     std::int64_t limit) {
  auto& query = queries_["task_log_read"];
  query.bind(1, run_id).bind(2, after_seq).bind(3, limit > 0 ? limit : std::int64_t{-1});
  return fetch_all<task_log_line>(query, read_task_log_line);
}

store_result<task_run_figures> sqlite_store::task_figures(const std::string& task_id) {
  task_run_figures figures;
  auto& counts = queries_["task_run_counts"];
  counts.bind(1, task_id);
  auto done = counts.for_each_row(
      [&](const statement& row) { figures.counts[row.text(0)] = row.integer(1); });
  if (!done) return fail(std::move(done).error());
  auto durations = newest_figures(queries_["task_run_durations"], task_id);
  if (!durations) return fail(std::move(durations).error());
  figures.durations_ms = std::move(durations).value();
  auto waits = newest_figures(queries_["task_run_queue_waits"], task_id);
  if (!waits) return fail(std::move(waits).error());
  figures.queue_waits_ms = std::move(waits).value();
  return figures;
}

store_result<task_schedule_record> sqlite_store::get_task_schedule(const std::string& task_id) {
  auto& query = queries_["task_schedule_get"];
  query.bind(1, task_id);
  return found_or(fetch_one<task_schedule_record>(query, read_task_schedule),
                  "get task schedule: task '" + task_id + "' has no schedule");
}

store_result<std::vector<task_schedule_record>> sqlite_store::task_schedules() {
  return fetch_all<task_schedule_record>(queries_["task_schedule_list"], read_task_schedule);
}

}  // namespace auraos::persistence::sqlite
