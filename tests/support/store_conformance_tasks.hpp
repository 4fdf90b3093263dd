#pragma once
// Conformance cases of the task_store: task definitions (create, conflict, replace, list with
// filters and a cursor, delete refused while a run is unfinished, else with its runs, logs and
// schedule), runs (creation with idempotency keys per task, update of the mutable fields,
// lists, unfinished runs by shard, fences), log lines, figures and schedules.
// Helpers: store_conformance_events.hpp (commit_op), store_conformance_seed_schema.hpp
// (same_json).

#include "runtime/uuid.hpp"

namespace auraos::test::conformance {

/// A task definition record of `id` (the definition text is any JSON object to the store).
inline task_record a_task(std::string id, std::string type = "shell",
                          std::vector<std::string> tags = {}) {
  task_record t;
  t.id = std::move(id);
  t.name = "task " + t.id;
  t.description = "about " + t.id;
  t.type = std::move(type);
  t.queue = "default";
  t.priority = 5;
  t.definition =
      R"({"config":{"command":["true"]},"metadata":{"team":"a"},"type":")" + t.type + R"("})";
  t.tags = std::move(tags);
  return t;
}

/// Stores a task (`mode`); the stored record.
inline store_result<task_record> put_task(store& db, task_record t,
                                          task_put_mode mode = task_put_mode::create) {
  auto done = commit_op(db, put_task_op{std::move(t), mode});
  if (!done) return fail(std::move(done).error());
  return std::get<task_record>(*done);
}

/// A queued run of `task_id` (the store picks its id and queue time).
inline task_run_record a_run(std::string task_id, std::optional<std::string> key = {},
                             std::int64_t shard = 0) {
  task_run_record r;
  r.task_id = std::move(task_id);
  r.input = R"({"n":1})";
  r.shard = shard;
  r.idempotency_key = std::move(key);
  return r;
}

/// Creates runs in one op (with `lease`); what the store answered.
inline store_result<created_task_runs> create_runs(store& db, std::vector<task_run_record> runs,
                                                   std::optional<fence> lease = {}) {
  auto done = commit_op(db, create_task_runs_op{std::move(runs), lease});
  if (!done) return fail(std::move(done).error());
  return std::get<created_task_runs>(*done);
}

/// Creates one run and requires it to succeed; the stored run.
inline task_run_record add_run(store& db, task_run_record run) {
  auto created = create_runs(db, {std::move(run)});
  AURAOS_REQUIRE_OK(created);
  BOOST_REQUIRE(created->runs.size() == 1u);
  return created->runs.front();
}

/// Tasks t1 and t2 and four runs of t1, t2, t1, t1, queued 10 ms apart (`now_ms` advances).
inline std::vector<task_run_record> four_runs(store& db, std::int64_t& now_ms) {
  AURAOS_REQUIRE_OK(put_task(db, a_task("t1")));
  AURAOS_REQUIRE_OK(put_task(db, a_task("t2")));
  std::vector<task_run_record> runs;
  for (const auto* task : {"t1", "t2", "t1", "t1"}) {
    runs.push_back(add_run(db, a_run(task)));
    now_ms += 10;
  }
  return runs;
}

/// Stores `run` as it is now (its mutable fields).
inline store_status update_run(store& db, task_run_record run, std::optional<fence> lease = {}) {
  auto done = commit_op(db, update_task_run_op{std::move(run), lease});
  if (!done) return fail(std::move(done).error());
  return std::monostate{};
}

/// The stored schedule of a put.
inline store_result<task_schedule_record> put_schedule(store& db, const std::string& task_id,
                                                       std::string spec) {
  auto done = commit_op(db, put_task_schedule_op{{task_id, std::move(spec), "{}", 0, 0}});
  if (!done) return fail(std::move(done).error());
  return std::get<task_schedule_record>(*done);
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_tasks, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_task_is_created_read_replaced_and_refused_twice) {
  auto created = put_task(*db, a_task("t1", "shell", {"reports", "nightly"}));
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(created->id == "t1");
  BOOST_TEST(created->name == "task t1");
  BOOST_TEST(created->description == "about t1");
  BOOST_TEST(created->queue == "default");
  BOOST_TEST(created->priority == 5);
  BOOST_TEST(created->tags == (std::vector<std::string>{"reports", "nightly"}));
  BOOST_TEST(created->created_at == now_ms);
  BOOST_TEST(created->updated_at == now_ms);
  BOOST_TEST(same_json(created->definition, a_task("t1").definition));
  BOOST_TEST(error_code(put_task(*db, a_task("t1"))) == store_errc::conflict);

  now_ms += 1000;
  auto changed = a_task("t1", "http");
  changed.queue = "slow";
  changed.priority = -2;
  auto replaced = put_task(*db, changed, task_put_mode::update);
  AURAOS_REQUIRE_OK(replaced);
  BOOST_TEST(replaced->created_at == now_ms - 1000);
  BOOST_TEST(replaced->updated_at == now_ms);
  auto read = db->get_task("t1");
  AURAOS_REQUIRE_OK(read);
  BOOST_TEST(read->type == "http");
  BOOST_TEST(read->queue == "slow");
  BOOST_TEST(read->priority == -2);
  BOOST_TEST(read->tags.empty());
  BOOST_TEST(same_json(read->definition, changed.definition));

  BOOST_TEST(error_code(put_task(*db, a_task("nope"), task_put_mode::update)) ==
             store_errc::not_found);
  BOOST_TEST(error_code(db->get_task("nope")) == store_errc::not_found);
  BOOST_TEST(error_code(put_task(*db, a_task(""))) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(tasks_are_listed_in_creation_order_by_type_and_tag_with_a_cursor) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("c", "shell", {"x"})));
  now_ms += 10;
  AURAOS_REQUIRE_OK(put_task(*db, a_task("a", "http", {"x", "y"})));
  now_ms += 10;
  AURAOS_REQUIRE_OK(put_task(*db, a_task("b", "shell")));
  page_request page;
  page.limit = 2;
  auto first = db->list_tasks({}, page);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(ids(first->items) == (std::vector<std::string>{"c", "a"}));
  BOOST_TEST_REQUIRE(first->next_cursor.has_value());
  page.cursor = first->next_cursor;
  auto second = db->list_tasks({}, page);
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(ids(second->items) == (std::vector<std::string>{"b"}));
  BOOST_TEST(!second->next_cursor.has_value());

  page = {};
  BOOST_TEST(ids(db->list_tasks({std::string("shell"), std::nullopt}, page)->items) ==
             (std::vector<std::string>{"c", "b"}));
  BOOST_TEST(ids(db->list_tasks({std::nullopt, std::string("x")}, page)->items) ==
             (std::vector<std::string>{"c", "a"}));
  BOOST_TEST(ids(db->list_tasks({std::string("http"), std::string("y")}, page)->items) ==
             (std::vector<std::string>{"a"}));
  BOOST_TEST(db->list_tasks({std::nullopt, std::string("none")}, page)->items.empty());
  page.cursor = "garbage";
  BOOST_TEST(error_code(db->list_tasks({}, page)) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(a_task_with_an_unfinished_run_is_not_deleted_else_its_rows_go_with_it) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t2")));
  AURAOS_REQUIRE_OK(put_schedule(*db, "t1", R"({"every":300})"));
  auto run = add_run(*db, a_run("t1", "k"));
  auto other = add_run(*db, a_run("t2"));
  AURAOS_REQUIRE_OK(commit_op(*db, append_task_log_op{run.id, {{0, 0, "stdout", "hi"}}}));
  BOOST_TEST(error_code(commit_op(*db, delete_task_op{"t1"})) == store_errc::conflict);
  AURAOS_REQUIRE_OK(db->get_task("t1"));

  run.status = "completed";
  AURAOS_REQUIRE_OK(update_run(*db, run));
  AURAOS_REQUIRE_OK(commit_op(*db, delete_task_op{"t1"}));
  BOOST_TEST(error_code(db->get_task("t1")) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_task_run(run.id)) == store_errc::not_found);
  BOOST_TEST(db->task_run_logs(run.id)->empty());
  BOOST_TEST(error_code(db->get_task_schedule("t1")) == store_errc::not_found);
  AURAOS_REQUIRE_OK(db->get_task_run(other.id));
  BOOST_TEST(error_code(commit_op(*db, delete_task_op{"t1"})) == store_errc::not_found);

  // The id and the idempotency key may be used again.
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  auto again = create_runs(*db, {a_run("t1", "k")});
  AURAOS_REQUIRE_OK(again);
  BOOST_TEST(again->existing == std::vector<bool>{false});
}

BOOST_AUTO_TEST_CASE(schedules_are_put_replaced_listed_and_deleted) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("b")));
  AURAOS_REQUIRE_OK(put_task(*db, a_task("a")));
  auto created = put_schedule(*db, "b", R"({"cron":"0 2 * * *","timezone":"Europe/Berlin"})");
  AURAOS_REQUIRE_OK(created);
  BOOST_TEST(created->task_id == "b");
  BOOST_TEST(same_json(created->state, "{}"));
  BOOST_TEST(created->created_at == now_ms);
  now_ms += 100;
  auto replaced = put_schedule(*db, "b", R"({"every":300})");
  AURAOS_REQUIRE_OK(replaced);
  BOOST_TEST(replaced->created_at == now_ms - 100);
  BOOST_TEST(replaced->updated_at == now_ms);
  BOOST_TEST(same_json(db->get_task_schedule("b")->spec, R"({"every":300})"));
  AURAOS_REQUIRE_OK(put_schedule(*db, "a", R"({"at":"2026-12-24T18:00:00Z"})"));
  BOOST_TEST(error_code(put_schedule(*db, "nope", "{}")) == store_errc::not_found);

  AURAOS_REQUIRE_OK(commit_op(*db, put_schedule_state_op{"b", R"({"last":7})"}));
  auto all = db->task_schedules();
  AURAOS_REQUIRE_OK(all);
  BOOST_TEST_REQUIRE(all->size() == 2u);
  BOOST_TEST((*all)[0].task_id == "a");
  BOOST_TEST((*all)[1].task_id == "b");
  BOOST_TEST(same_json((*all)[1].state, R"({"last":7})"));

  AURAOS_REQUIRE_OK(commit_op(*db, delete_task_schedule_op{"b"}));
  BOOST_TEST(error_code(db->get_task_schedule("b")) == store_errc::not_found);
  BOOST_TEST(error_code(commit_op(*db, delete_task_schedule_op{"b"})) == store_errc::not_found);
  // A state put after the delete (the scheduler was still running) stores nothing.
  AURAOS_REQUIRE_OK(commit_op(*db, put_schedule_state_op{"b", R"({"last":8})"}));
  BOOST_TEST(error_code(db->get_task_schedule("b")) == store_errc::not_found);
  BOOST_TEST(db->task_schedules()->size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
