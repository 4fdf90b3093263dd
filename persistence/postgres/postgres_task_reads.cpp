// The task reads of the PostgreSQL store: tasks, runs, log lines, figures and schedules.
#include "persistence/cursor.hpp"
#include "persistence/postgres/array_literal.hpp"
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/page_params.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "persistence/postgres/rows.hpp"
#include "persistence/postgres/task_rows.hpp"
#include "persistence/task_queries.hpp"

namespace auraos::persistence::postgres {

namespace {

/// The integer in the first column of a row.
std::int64_t first_integer(const pg_result& rows, int row) {
  return rows.integer(row, 0);
}

}  // namespace

store_result<task_record> postgres_store::get_task(const std::string& id) {
  params values;
  values.add(id);
  return found_or(fetch_all<task_record>(*pool_, "task_get", values, "get task", read_task),
                  "get task: no task '" + id + "'");
}

store_result<page<task_record>> postgres_store::list_tasks(const task_filter& filter,
                                                           const page_request& page) {
  params values;
  values.add(filter.type).add(filter.tag);
  if (auto added = add_page(values, page, "list tasks"); !added)
    return fail(std::move(added).error());
  auto rows = fetch_all<task_record>(*pool_, "task_list", values, "list tasks", read_task);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<task_run_record> postgres_store::get_task_run(const std::string& id) {
  auto missing = "get task run: no task run '" + id + "'";
  if (!is_uuid(id)) return store_fail(store_errc::not_found, missing);
  params values;
  values.add(id);
  return found_or(
      fetch_all<task_run_record>(*pool_, "task_run_get", values, "get task run", read_task_run),
      missing);
}

store_result<page<task_run_record>> postgres_store::list_task_runs(const task_run_filter& filter,
                                                                   const page_request& page) {
  params values;
  values.add(filter.task_id).add(filter.status);
  if (auto added = add_page(values, page, "list task runs"); !added)
    return fail(std::move(added).error());
  if (auto position = decode_cursor(page.cursor.value_or(""), "");
      position && !is_uuid(position->id))
    return store_fail(store_errc::invalid, "list task runs: malformed cursor '" + *page.cursor + "'");
  auto rows = fetch_all<task_run_record>(*pool_, task_run_list_query(filter), values,
                                         "list task runs", read_task_run);
  if (!rows) return fail(std::move(rows).error());
  return make_keyset_page(std::move(rows).value(), page);
}

store_result<std::vector<task_run_record>> postgres_store::unfinished_task_runs(
    const std::vector<std::int64_t>& shards) {
  params values;
  if (!shards.empty()) values.add(integer_array(shards));
  return fetch_all<task_run_record>(
      *pool_, shards.empty() ? "task_run_unfinished" : "task_run_unfinished_in_shards", values,
      "list unfinished task runs", read_task_run);
}

store_result<std::vector<task_log_line>> postgres_store::task_run_logs(const std::string& run_id,
                                                                       std::int64_t after_seq,
                                                                       std::int64_t limit) {
  if (!is_uuid(run_id)) return std::vector<task_log_line>{};
  params values;
  values.add(run_id).add(after_seq).add(limit);
  return fetch_all<task_log_line>(*pool_, "task_log_read", values,
                                  "read log of task run '" + run_id + "'", read_task_log_line);
}

store_result<task_run_figures> postgres_store::task_figures(const std::string& task_id) {
  params task;
  task.add(task_id);
  auto counts = fetch_all<std::pair<std::string, std::int64_t>>(
      *pool_, "task_run_counts", task, "count task runs", [](const pg_result& r, int row) {
        return std::pair{r.text(row, 0), r.integer(row, 1)};
      });
  if (!counts) return fail(std::move(counts).error());
  params newest;
  newest.add(task_id).add(task_figures_window);
  auto durations = fetch_all<std::int64_t>(*pool_, "task_run_durations", newest,
                                           "task run durations", first_integer);
  if (!durations) return fail(std::move(durations).error());
  auto waits = fetch_all<std::int64_t>(*pool_, "task_run_queue_waits", newest,
                                       "task run queue waits", first_integer);
  if (!waits) return fail(std::move(waits).error());
  return task_run_figures{{counts->begin(), counts->end()},
                          std::move(durations).value(),
                          std::move(waits).value()};
}

store_result<task_schedule_record> postgres_store::get_task_schedule(const std::string& task_id) {
  params values;
  values.add(task_id);
  return found_or(fetch_all<task_schedule_record>(*pool_, "task_schedule_get", values,
                                                  "get task schedule", read_task_schedule),
                  "get task schedule: task '" + task_id + "' has no schedule");
}

store_result<std::vector<task_schedule_record>> postgres_store::task_schedules() {
  return fetch_all<task_schedule_record>(*pool_, "task_schedule_list", params{},
                                         "list task schedules", read_task_schedule);
}

}  // namespace auraos::persistence::postgres
