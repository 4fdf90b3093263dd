#pragma once
// Conformance cases of task runs written together: the run updates and log lines of many
// requests in one group commit (each applies or fails alone), and the figures of a task's runs
// by status. Helpers: store_conformance_tasks.hpp, store_conformance_task_runs.hpp.

namespace auraos::test::conformance {

/// `run` started at `at` by node n1 (its first attempt).
inline task_run_record started_run(task_run_record run, std::int64_t at) {
  run.status = "running";
  run.attempts = 1;
  run.started_at = at;
  run.worker = "n1";
  return run;
}

}  // namespace auraos::test::conformance

BOOST_FIXTURE_TEST_SUITE(store_conformance_task_run_batches, auraos::test::store_fixture)

using namespace auraos::test::conformance;

BOOST_AUTO_TEST_CASE(run_writes_of_many_requests_in_one_batch_each_apply_or_fail_alone) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  auto a = add_run(*db, a_run("t1"));
  auto b = add_run(*db, a_run("t1"));
  auto c = add_run(*db, a_run("t1"));
  AURAOS_REQUIRE_OK(commit_op(*db, append_task_log_op{a.id, {{0, 1, "system", "before"}}}));
  auto a_done = started_run(a, 100);
  a_done.status = "completed";
  a_done.output = R"({"ok":true})";
  a_done.completed_at = 120;
  auto ghost = started_run(a_run("t1"), 110);
  ghost.id = auraos::runtime::random_uuid();
  write_batch batch;
  // A run's end with its lines, as a run actor writes it.
  batch.requests.push_back(
      {{update_task_run_op{a_done},
        append_task_log_op{a.id, {{0, 100, "system", "started"}, {0, 120, "system", "done"}}}},
       true});
  // Starts of two runs, one of which does not exist: nothing of this request is stored.
  batch.requests.push_back(
      {{update_task_run_op{started_run(b, 110)}, update_task_run_op{ghost}}, true});
  // A start and, in another request, a line of the same run.
  batch.requests.push_back({{update_task_run_op{started_run(c, 130)}}, true});
  batch.requests.push_back({{append_task_log_op{c.id, {{0, 131, "stdout", "c"}}}}, true});
  auto outcomes = db->commit(batch);
  AURAOS_REQUIRE_OK(outcomes);
  BOOST_TEST_REQUIRE(outcomes->size() == 4u);
  BOOST_TEST((*outcomes)[0].has_value());
  BOOST_TEST(error_code((*outcomes)[1]) == store_errc::not_found);
  BOOST_TEST((*outcomes)[2].has_value());
  BOOST_TEST((*outcomes)[3].has_value());

  auto read_a = db->get_task_run(a.id);
  AURAOS_REQUIRE_OK(read_a);
  BOOST_TEST(read_a->status == "completed");
  BOOST_TEST(same_json(read_a->output, R"({"ok":true})"));
  BOOST_TEST(read_a->completed_at.value_or(0) == 120);
  auto lines = db->task_run_logs(a.id);
  AURAOS_REQUIRE_OK(lines);
  BOOST_TEST_REQUIRE(lines->size() == 3u);
  BOOST_TEST((*lines)[0].text == "before");
  BOOST_TEST((*lines)[1].seq == 2);
  BOOST_TEST((*lines)[1].text == "started");
  BOOST_TEST((*lines)[2].seq == 3);
  BOOST_TEST((*lines)[2].text == "done");
  BOOST_TEST(db->get_task_run(b.id)->status == "queued");
  BOOST_TEST(!db->get_task_run(b.id)->started_at.has_value());
  BOOST_TEST(error_code(db->get_task_run(ghost.id)) == store_errc::not_found);
  BOOST_TEST(db->get_task_run(c.id)->started_at.value_or(0) == 130);
  BOOST_TEST(db->task_run_logs(c.id)->size() == 1u);
}

BOOST_AUTO_TEST_CASE(figures_count_every_run_by_status_with_durations_and_queue_waits) {
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t1")));
  AURAOS_REQUIRE_OK(put_task(*db, a_task("t2")));
  auto a = add_run(*db, a_run("t1"));  // queued at now_ms
  auto b = add_run(*db, a_run("t1"));
  add_run(*db, a_run("t1"));
  add_run(*db, a_run("t2"));
  a.status = "completed";
  a.started_at = now_ms + 100;
  a.completed_at = now_ms + 350;
  AURAOS_REQUIRE_OK(update_run(*db, a));
  b.status = "running";
  b.started_at = now_ms + 40;
  AURAOS_REQUIRE_OK(update_run(*db, b));
  auto figures = db->task_figures("t1");
  AURAOS_REQUIRE_OK(figures);
  BOOST_TEST(figures->counts.size() == 3u);
  BOOST_TEST(figures->counts["queued"] == 1);
  BOOST_TEST(figures->counts["running"] == 1);
  BOOST_TEST(figures->counts["completed"] == 1);
  BOOST_TEST(figures->durations_ms == std::vector<std::int64_t>{250});
  BOOST_TEST(figures->queue_waits_ms == (std::vector<std::int64_t>{100, 40}));  // newest first
  auto none = db->task_figures("nope");
  AURAOS_REQUIRE_OK(none);
  BOOST_TEST(none->counts.empty());
  BOOST_TEST(none->durations_ms.empty());
}

BOOST_AUTO_TEST_SUITE_END()
