#pragma once
// Conformance cases of task runs: creation (stamps, every field stored, idempotency keys per
// task, in one op and across ops), update of the mutable fields, lists (oldest or newest
// first), unfinished runs by shard, fences and log lines. Writes of many requests in one batch
// and the figures: store_conformance_task_run_batches.hpp. Helpers: store_conformance_tasks.hpp.

namespace auraos::test::conformance {

/// A run with every field set (ids from `execution_id`, which must exist).
inline task_run_record a_full_run(const std::string& task_id, const std::string& execution_id) {
  task_run_record r = a_run(task_id, "key-1", 7);
  r.id = runtime::random_uuid();
  r.status = "running";
  r.output = R"({"out":[1,2]})";
  r.error = R"({"type":"shell","message":"exit 3"})";
  r.attempts = 2;
  r.priority = 9;
  r.queue = "gpu";
  r.queued_at = 1000;
  r.started_at = 1500;
  r.completed_at = 1750;
  r.next_attempt_at = 3000;
  r.resource_allocation = R"({"cpu":1})";
  r.worker = "node-a";
  r.lease_id = "lease-1";
  r.lease_expires_at = 4000;
  r.batch_id = "batch-1";
  r.depends_on = R"([{"runId":"x","condition":"success"}])";
  r.retry_of = runtime::random_uuid();
  r.execution_id = execution_id;
  r.node_id = "report";
  r.schedule_time = 900;
  return r;
}

/// True when both JSON texts are absent or hold the same document.
inline bool same_optional_json(const std::optional<std::string>& a,
                               const std::optional<std::string>& b) {
  return a.has_value() == b.has_value() && (!a || same_json(a, *b));
}

/// Requires two runs to hold the same fields (JSON compared as documents).
inline void check_same_run(const task_run_record& a, const task_run_record& b) {
  BOOST_TEST(a.id == b.id);
  BOOST_TEST(a.task_id == b.task_id);
  BOOST_TEST(a.status == b.status);
  BOOST_TEST(same_json(a.input, b.input));
  BOOST_TEST(same_optional_json(a.output, b.output));
  BOOST_TEST(same_optional_json(a.error, b.error));
  BOOST_TEST(a.attempts == b.attempts);
  BOOST_TEST(a.priority == b.priority);
  BOOST_TEST(a.queue == b.queue);
  BOOST_TEST(a.shard == b.shard);
  BOOST_TEST(a.queued_at == b.queued_at);
  BOOST_TEST((a.started_at == b.started_at));
  BOOST_TEST((a.completed_at == b.completed_at));
  BOOST_TEST((a.next_attempt_at == b.next_attempt_at));
  BOOST_TEST(same_optional_json(a.resource_allocation, b.resource_allocation));
  BOOST_TEST((a.worker == b.worker));
  BOOST_TEST((a.lease_id == b.lease_id));
  BOOST_TEST((a.lease_expires_at == b.lease_expires_at));
  BOOST_TEST((a.idempotency_key == b.idempotency_key));
  BOOST_TEST((a.batch_id == b.batch_id));
  BOOST_TEST(same_json(a.depends_on, b.depends_on));
  BOOST_TEST((a.retry_of == b.retry_of));
  BOOST_TEST((a.execution_id == b.execution_id));
  BOOST_TEST(a.node_id == b.node_id);
  BOOST_TEST((a.schedule_time == b.schedule_time));
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_task_runs, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(a_run_is_stored_with_every_field_and_stamped_when_unset) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  add_workflow("wf");
  auto full = a_full_run("t1", add_execution("wf").id);
  auto stored = add_run(*db, full);
  check_same_run(stored, full);
  auto read = db->get_task_run(full.id);
  AURAOS_REQUIRE_OK(read);
  check_same_run(*read, full);

  auto plain = add_run(*db, a_run("t1"));
  BOOST_TEST(auraos::runtime::is_uuid(plain.id));
  BOOST_TEST(plain.queued_at == now_ms);
  BOOST_TEST(plain.status == "queued");
  BOOST_TEST(!plain.started_at.has_value());
  check_same_run(*db->get_task_run(plain.id), plain);

  auto bad_id = a_run("t1");
  bad_id.id = "not-a-uuid";
  BOOST_TEST(error_code(create_runs(*db, {bad_id})) == store_errc::invalid);
  BOOST_TEST(error_code(create_runs(*db, {a_run("t1"), a_run("nope")})) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_task_run(auraos::runtime::random_uuid())) == store_errc::not_found);
  BOOST_TEST(error_code(db->get_task_run("not-a-uuid")) == store_errc::not_found);
  AURAOS_REQUIRE_OK(create_runs(*db, {}));
  BOOST_TEST(db->list_task_runs({}, {})->items.size() == 2u);  // the rejected ops left nothing
}

BOOST_AUTO_TEST_CASE(a_repeated_idempotency_key_of_a_task_returns_its_stored_run) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t2")));
  auto first = create_runs(*db, {a_run("t1", "k"), a_run("t1", "j"), a_run("t1", "k")});
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(first->existing == (std::vector<bool>{false, false, true}));
  BOOST_TEST(first->runs[2].id == first->runs[0].id);
  BOOST_TEST(first->runs[1].id != first->runs[0].id);

  now_ms += 50;
  auto repeat = a_run("t1", "k");
  repeat.input = R"({"n":2})";
  auto second = create_runs(*db, {repeat, a_run("t2", "k"), a_run("t1")});
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(second->existing == (std::vector<bool>{true, false, false}));
  check_same_run(second->runs[0], first->runs[0]);  // the first input and queue time
  BOOST_TEST(second->runs[1].task_id == "t2");      // a key is scoped per task
  BOOST_TEST(second->runs[1].id != first->runs[0].id);
  BOOST_TEST(db->list_task_runs({}, {})->items.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_large_batch_of_runs_is_created_in_one_op_and_repeated_idempotently) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  constexpr int count = 5000;
  std::vector<task_run_record> runs;
  for (int i = 0; i < count; ++i) runs.push_back(a_run("t1", "key-" + std::to_string(i)));
  auto first = create_runs(*db, runs);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST_REQUIRE(first->runs.size() == std::size_t{count});
  BOOST_TEST(std::count(first->existing.begin(), first->existing.end(), true) == 0);
  BOOST_TEST(first->runs[4321].idempotency_key.value_or("") == "key-4321");
  auto again = create_runs(*db, runs);
  AURAOS_REQUIRE_OK(again);
  BOOST_TEST(std::count(again->existing.begin(), again->existing.end(), false) == 0);
  BOOST_TEST(again->runs[4321].id == first->runs[4321].id);
  BOOST_TEST(db->unfinished_task_runs()->size() == std::size_t{count});
}

BOOST_AUTO_TEST_CASE(an_update_replaces_the_mutable_fields_and_keeps_the_others) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  auto run = add_run(*db, a_run("t1", "k", 3));
  add_workflow("wf");
  auto changed = a_full_run("t1", add_execution("wf").id);
  changed.id = run.id;
  AURAOS_REQUIRE_OK(update_run(*db, changed));
  auto read = db->get_task_run(run.id);
  AURAOS_REQUIRE_OK(read);
  auto expected = changed;  // the ids, input, queue, shard, queue time and key stay
  expected.task_id = run.task_id;
  expected.input = run.input;
  expected.queue = run.queue;
  expected.shard = run.shard;
  expected.queued_at = run.queued_at;
  expected.idempotency_key = run.idempotency_key;
  expected.batch_id = run.batch_id;
  expected.retry_of = run.retry_of;
  expected.execution_id = run.execution_id;
  expected.node_id = run.node_id;
  check_same_run(*read, expected);

  changed.output.reset();  // absent fields are cleared: the run is stored as it is now
  changed.error.reset();
  changed.completed_at.reset();
  AURAOS_REQUIRE_OK(update_run(*db, changed));
  read = db->get_task_run(run.id);
  BOOST_TEST(!read->output.has_value());
  BOOST_TEST(!read->error.has_value());
  BOOST_TEST(!read->completed_at.has_value());

  auto unknown = changed;
  unknown.id = auraos::runtime::random_uuid();
  BOOST_TEST(error_code(update_run(*db, unknown)) == store_errc::not_found);
  unknown.id = "not-a-uuid";
  BOOST_TEST(error_code(update_run(*db, unknown)) == store_errc::not_found);
}

BOOST_AUTO_TEST_CASE(runs_are_listed_in_queueing_order_by_task_and_status_with_a_cursor) {
  auto runs = four_runs(*db, now_ms);
  runs[2].status = "running";
  AURAOS_REQUIRE_OK(update_run(*db, runs[2]));
  page_request page;
  page.limit = 3;
  auto first = db->list_task_runs({}, page);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(ids(first->items) == (std::vector<std::string>{runs[0].id, runs[1].id, runs[2].id}));
  BOOST_TEST_REQUIRE(first->next_cursor.has_value());
  page.cursor = first->next_cursor;
  auto second = db->list_task_runs({}, page);
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(ids(second->items) == (std::vector<std::string>{runs[3].id}));
  BOOST_TEST(!second->next_cursor.has_value());

  page = {};
  page.limit = 1;
  auto by_task = db->list_task_runs({std::string("t1"), std::nullopt}, page);
  BOOST_TEST(ids(by_task->items) == (std::vector<std::string>{runs[0].id}));
  page.cursor = by_task->next_cursor;
  page.limit = 10;
  BOOST_TEST(ids(db->list_task_runs({std::string("t1"), std::nullopt}, page)->items) ==
             (std::vector<std::string>{runs[2].id, runs[3].id}));
  page = {};
  BOOST_TEST(ids(db->list_task_runs({std::nullopt, std::string("queued")}, page)->items) ==
             (std::vector<std::string>{runs[0].id, runs[1].id, runs[3].id}));
  BOOST_TEST(ids(db->list_task_runs({std::string("t1"), std::string("running")}, page)->items) ==
             (std::vector<std::string>{runs[2].id}));
  page.cursor = "garbage";
  BOOST_TEST(error_code(db->list_task_runs({}, page)) == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(runs_are_listed_newest_first_by_task_and_status_with_a_cursor) {
  auto runs = four_runs(*db, now_ms);
  runs[1].status = "completed";
  AURAOS_REQUIRE_OK(update_run(*db, runs[1]));
  task_run_filter newest;
  newest.order = list_order::newest_first;
  page_request page;
  page.limit = 3;
  auto first = db->list_task_runs(newest, page);
  AURAOS_REQUIRE_OK(first);
  BOOST_TEST(ids(first->items) == (std::vector<std::string>{runs[3].id, runs[2].id, runs[1].id}));
  BOOST_TEST_REQUIRE(first->next_cursor.has_value());
  page.cursor = first->next_cursor;
  auto second = db->list_task_runs(newest, page);
  AURAOS_REQUIRE_OK(second);
  BOOST_TEST(ids(second->items) == (std::vector<std::string>{runs[0].id}));
  BOOST_TEST(!second->next_cursor.has_value());
  // A cursor is valid only in the order that made it.
  BOOST_TEST(error_code(db->list_task_runs({}, page)) == store_errc::invalid);

  page = {};
  page.limit = 1;
  auto by_task = newest;
  by_task.task_id = "t1";
  auto one = db->list_task_runs(by_task, page);
  BOOST_TEST(ids(one->items) == (std::vector<std::string>{runs[3].id}));
  page.cursor = one->next_cursor;
  page.limit = 10;
  BOOST_TEST(ids(db->list_task_runs(by_task, page)->items) ==
             (std::vector<std::string>{runs[2].id, runs[0].id}));
  auto by_status = newest;
  by_status.status = "queued";
  BOOST_TEST(ids(db->list_task_runs(by_status, {})->items) ==
             (std::vector<std::string>{runs[3].id, runs[2].id, runs[0].id}));
  by_status.task_id = "t2";
  BOOST_TEST(db->list_task_runs(by_status, {})->items.empty());
}

BOOST_AUTO_TEST_CASE(unfinished_runs_are_read_by_shard_in_queueing_order) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  auto a = add_run(*db, a_run("t1", {}, 1));
  now_ms += 1;
  auto b = add_run(*db, a_run("t1", {}, 2));
  now_ms += 1;
  auto c = add_run(*db, a_run("t1", {}, 1));
  now_ms += 1;
  auto d = add_run(*db, a_run("t1", {}, 3));
  b.status = "retrying";
  AURAOS_REQUIRE_OK(update_run(*db, b));
  c.status = "completed";
  AURAOS_REQUIRE_OK(update_run(*db, c));
  d.status = "cancelled";
  AURAOS_REQUIRE_OK(update_run(*db, d));
  BOOST_TEST(ids(*db->unfinished_task_runs()) == (std::vector<std::string>{a.id, b.id}));
  BOOST_TEST(ids(*db->unfinished_task_runs({1})) == (std::vector<std::string>{a.id}));
  BOOST_TEST(ids(*db->unfinished_task_runs({2, 3})) == (std::vector<std::string>{b.id}));
  BOOST_TEST(db->unfinished_task_runs({3})->empty());
}

BOOST_AUTO_TEST_CASE(run_writes_and_schedule_states_with_a_stale_epoch_are_fenced) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  AURAOS_REQUIRE_OK(put_schedule(*db, "t1", R"({"every":60})"));
  auto mine = db->acquire_shard(4, "node-a");
  AURAOS_REQUIRE_OK(mine);
  fence stale{4, mine->epoch};
  auto run = create_runs(*db, {a_run("t1", {}, 4)}, stale);
  AURAOS_REQUIRE_OK(run);
  auto theirs = db->acquire_shard(4, "node-b");
  AURAOS_REQUIRE_OK(theirs);
  fence current{4, theirs->epoch};

  BOOST_TEST(error_code(create_runs(*db, {a_run("t1", {}, 4)}, stale)) == store_errc::fenced);
  auto running = run->runs.front();
  running.status = "running";
  BOOST_TEST(error_code(update_run(*db, running, stale)) == store_errc::fenced);
  BOOST_TEST(db->get_task_run(running.id)->status == "queued");
  BOOST_TEST(error_code(commit_op(*db, put_schedule_state_op{"t1", R"({"n":1})", stale})) ==
             store_errc::fenced);
  BOOST_TEST(same_json(db->get_task_schedule("t1")->state, "{}"));
  BOOST_TEST(db->list_task_runs({}, {})->items.size() == 1u);

  AURAOS_REQUIRE_OK(create_runs(*db, {a_run("t1", {}, 4)}, current));
  AURAOS_REQUIRE_OK(update_run(*db, running, current));
  AURAOS_REQUIRE_OK(commit_op(*db, put_schedule_state_op{"t1", R"({"n":1})", current}));
  BOOST_TEST(db->get_task_run(running.id)->status == "running");
  BOOST_TEST(same_json(db->get_task_schedule("t1")->state, R"({"n":1})"));
}

BOOST_AUTO_TEST_CASE(log_lines_are_numbered_per_run_and_read_after_a_seq) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  auto a = add_run(*db, a_run("t1"));
  auto b = add_run(*db, a_run("t1"));
  AURAOS_REQUIRE_OK(
      commit_op(*db, append_task_log_op{a.id, {{0, 5, "stdout", "one"}, {0, 0, "stderr", "two"}}}));
  AURAOS_REQUIRE_OK(commit_op(*db, append_task_log_op{b.id, {{0, 6, "system", "other"}}}));
  AURAOS_REQUIRE_OK(commit_op(*db, append_task_log_op{a.id, {{0, 7, "stdout", "three"}}}));
  AURAOS_REQUIRE_OK(commit_op(*db, append_task_log_op{a.id, {}}));
  auto lines = db->task_run_logs(a.id);
  AURAOS_REQUIRE_OK(lines);
  BOOST_TEST_REQUIRE(lines->size() == 3u);
  BOOST_TEST((*lines)[0].seq == 1);
  BOOST_TEST((*lines)[0].at == 5);
  BOOST_TEST((*lines)[0].stream == "stdout");
  BOOST_TEST((*lines)[0].text == "one");
  BOOST_TEST((*lines)[1].seq == 2);
  BOOST_TEST((*lines)[1].at == now_ms);  // stamped
  BOOST_TEST((*lines)[1].stream == "stderr");
  BOOST_TEST((*lines)[2].seq == 3);
  BOOST_TEST((*lines)[2].text == "three");
  auto after = db->task_run_logs(a.id, 1, 1);
  BOOST_TEST_REQUIRE(after->size() == 1u);
  BOOST_TEST(after->front().seq == 2);
  BOOST_TEST(db->task_run_logs(a.id, 3)->empty());
  BOOST_TEST(db->task_run_logs(b.id)->size() == 1u);
  BOOST_TEST(db->task_run_logs(b.id)->front().seq == 1);
  auto missing = auraos::runtime::random_uuid();
  BOOST_TEST(error_code(commit_op(*db, append_task_log_op{missing, {{0, 1, "stdout", "x"}}})) ==
             store_errc::not_found);
  BOOST_TEST(db->task_run_logs(missing)->empty());
}

BOOST_AUTO_TEST_SUITE_END()
