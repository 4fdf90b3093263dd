// PostgreSQL-only store behaviour: migrations racing, group commit with many rejections,
// a server that goes away and comes back.
#include <libpq-fe.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "actors/env.hpp"
#include "persistence/postgres/migrations.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "tests/support/api_client.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/store_conformance.hpp"

namespace {

using namespace auraos::persistence;
using auraos::test::pg_server;
using namespace std::chrono_literals;

/// The real env's wall clock, for stored stamps.
const clock_fn wall_clock = auraos::actors::wall_source(auraos::actors::real_env());

/// A server of its own for each case (the restart case stops it).
struct server_fixture {
  server_fixture() {
    auto launched = pg_server::launch();
    BOOST_REQUIRE_MESSAGE(launched.has_value(), (launched ? "" : launched.error()));
    server = std::move(launched).value();
  }

  std::unique_ptr<postgres::postgres_store> open_store() {
    auto opened = postgres::postgres_store::open({server->url(), wall_clock});
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
    return std::move(opened).value();
  }

  std::unique_ptr<pg_server> server;
};

/// The single integer a query answers.
long long query_integer(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  PGresult* rows = PQexec(conn, sql.c_str());
  BOOST_REQUIRE_MESSAGE(PQresultStatus(rows) == PGRES_TUPLES_OK, PQerrorMessage(conn));
  long long value = std::atoll(PQgetvalue(rows, 0, 0));
  PQclear(rows);
  PQfinish(conn);
  return value;
}

append_history_op one_event(const std::string& execution_id, std::int64_t seq) {
  return {execution_id, seq, {{"", 0, 1, "step", "n", 0, std::string("\0x", 2)}}, {}};
}

/// Retries `call` until it succeeds or the deadline passes; returns the last result.
template <class F>
auto until_ok(F call, std::chrono::seconds deadline) {
  auto end = std::chrono::steady_clock::now() + deadline;
  auto result = call();
  while (!result && std::chrono::steady_clock::now() < end) {
    std::this_thread::yield();
    result = call();
  }
  return result;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(postgres_store, server_fixture)

BOOST_AUTO_TEST_CASE(two_nodes_opening_a_fresh_database_together_migrate_it_once) {
  auto open = [this] { return postgres::postgres_store::open({server->url(), wall_clock}); };
  auto first = std::async(std::launch::async, open);
  auto second = std::async(std::launch::async, open);
  auto a = first.get();
  auto b = second.get();
  BOOST_REQUIRE_MESSAGE(a.has_value(), (a ? "" : a.error().message));
  BOOST_REQUIRE_MESSAGE(b.has_value(), (b ? "" : b.error().message));
  BOOST_TEST(query_integer(server->url(), "SELECT count(*) FROM schema_migrations") ==
             postgres::known_schema_version());  // each migration applied once
  BOOST_TEST((*a)->put_workflow({"wf", "n", "", "", "{}", {}}).has_value());
  BOOST_TEST((*b)->get_workflow("wf", std::nullopt).has_value());
}

BOOST_AUTO_TEST_CASE(batch_with_many_rejections_commits_every_other_request_in_order) {
  auto db = open_store();
  BOOST_REQUIRE(db->put_workflow({"wf", "n", "", "", "{}", {}}).has_value());
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) {
    execution_record e;
    e.workflow_id = "wf";
    auto created = db->create_execution(e);
    BOOST_REQUIRE(created.has_value());
    ids.push_back(created->execution.id);
  }
  write_batch batch;
  for (int i = 0; i < 50; ++i)  // every third request appends at a seq that is not next
    batch.requests.push_back({{one_event(ids[i], i % 3 == 1 ? 2 : 1)}});
  auto outcomes = db->commit(batch);
  BOOST_REQUIRE_MESSAGE(outcomes.has_value(), (outcomes ? "" : outcomes.error().message));
  BOOST_REQUIRE_EQUAL(outcomes->size(), 50u);
  for (int i = 0; i < 50; ++i) {
    bool rejected = i % 3 == 1;
    BOOST_TEST((*outcomes)[i].has_value() == !rejected, "request " << i);
    if (rejected) BOOST_TEST((*outcomes)[i].error().code == store_errc::conflict);
    BOOST_TEST(db->read_history(ids[i], 0, 0)->size() == (rejected ? 0u : 1u), "request " << i);
  }
}

BOOST_AUTO_TEST_CASE(store_is_unavailable_while_the_server_is_down_and_carries_on_after) {
  auto db = open_store();
  BOOST_REQUIRE(db->put_workflow({"wf", "n", "", "", "{}", {}}).has_value());
  execution_record e;
  e.workflow_id = "wf";
  auto id = db->create_execution(e)->execution.id;
  BOOST_REQUIRE(db->append(one_event(id, 1)).has_value());
  BOOST_REQUIRE(server->stop().has_value());
  auto down_write = db->append(one_event(id, 2));
  BOOST_REQUIRE(!down_write.has_value());
  BOOST_TEST(down_write.error().code == store_errc::unavailable, down_write.error().message);
  auto down_read = db->read_history(id, 0, 0);
  BOOST_REQUIRE(!down_read.has_value());
  BOOST_TEST(down_read.error().code == store_errc::unavailable, down_read.error().message);
  auto down_ping = db->ping();
  BOOST_REQUIRE(!down_ping.has_value());
  BOOST_TEST(down_ping.error().code == store_errc::unavailable, down_ping.error().message);
  BOOST_REQUIRE(server->start().has_value());
  auto resumed = until_ok([&] { return db->append(one_event(id, 2)); }, 30s);
  BOOST_REQUIRE_MESSAGE(resumed.has_value(), (resumed ? "" : resumed.error().message));
  auto history = db->read_history(id, 0, 0);
  BOOST_REQUIRE(history.has_value());
  BOOST_TEST(history->size() == 2u);
  BOOST_TEST(db->ping().has_value());
}

BOOST_AUTO_TEST_CASE(server_restart_under_load_loses_no_acknowledged_append) {
  auto db = open_store();
  BOOST_REQUIRE(db->put_workflow({"wf", "n", "", "", "{}", {}}).has_value());
  std::vector<std::string> ids;
  for (int i = 0; i < 8; ++i) {
    execution_record e;
    e.workflow_id = "wf";
    ids.push_back(db->create_execution(e)->execution.id);
  }
  std::vector<std::int64_t> next(ids.size(), 1), acked(ids.size(), 0);
  std::atomic<std::int64_t> progress{0};
  std::atomic<bool> restarted{false};
  int failures = 0;
  auto resync = [&](std::size_t i) {  // an unanswered commit may have landed
    if (auto history = db->read_history(ids[i], 0, 0))
      next[i] = static_cast<std::int64_t>(history->size()) + 1;
  };
  auto writer = std::async(std::launch::async, [&] {
    auto end = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < end && !(restarted && progress >= 50)) {
      write_batch batch;
      for (std::size_t i = 0; i < ids.size(); ++i)
        batch.requests.push_back({{one_event(ids[i], next[i])}});
      auto outcomes = db->commit(batch);
      failures += outcomes ? 0 : 1;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (outcomes && (*outcomes)[i])
          acked[i] = next[i]++;
        else
          resync(i);
      }
      progress = acked[0];
    }
  });
  BOOST_REQUIRE(auraos::test::wait_until([&] { return progress >= 10; }, 30s));
  BOOST_REQUIRE(server->stop().has_value());
  BOOST_REQUIRE(server->start().has_value());
  restarted = true;
  writer.get();
  BOOST_TEST(failures > 0);
  BOOST_TEST(progress.load() >= 50);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto history = db->read_history(ids[i], 0, 0);
    BOOST_REQUIRE(history.has_value());
    BOOST_TEST(static_cast<std::int64_t>(history->size()) >= acked[i]);
    for (std::size_t k = 0; k < history->size(); ++k)
      BOOST_TEST((*history)[k].seq == static_cast<std::int64_t>(k + 1));
  }
}

BOOST_AUTO_TEST_CASE(history_text_with_quotes_backslashes_and_braces_reads_back_exactly) {
  auto db = open_store();
  BOOST_REQUIRE(db->put_workflow({"wf", "n", "", "", "{}", {"a,b", "{c}"}}).has_value());
  execution_record e;
  e.workflow_id = "wf";
  auto id = db->create_execution(e)->execution.id;
  std::string odd = "say \"hi\" \\ {x,y} NULL";
  append_history_op op{id, 1, {{"", 0, 7, odd, odd, 2, odd}, {"", 0, 8, "", "", 0, ""}}, {}};
  BOOST_REQUIRE(db->append(op).has_value());
  auto history = db->read_history(id, 0, 0);
  BOOST_REQUIRE(history.has_value());
  BOOST_REQUIRE_EQUAL(history->size(), 2u);
  BOOST_TEST(history->front().kind == odd);
  BOOST_TEST(history->front().node_id == odd);
  BOOST_TEST(history->front().payload == odd);
  BOOST_TEST(history->back().payload.empty());
  BOOST_TEST(db->get_workflow("wf", std::nullopt)->tags ==
             (std::vector<std::string>{"a,b", "{c}"}));
}

BOOST_AUTO_TEST_CASE(malformed_values_are_invalid_not_internal) {
  auto db = open_store();
  BOOST_TEST(db->put_workflow({"wf", "n", "", "", "{not json", {}}).error().code ==
             store_errc::invalid);
  BOOST_REQUIRE(db->put_workflow({"wf", "n", "", "", "{}", {}}).has_value());
  execution_record e;
  e.workflow_id = "wf";
  e.id = "not-a-uuid";
  BOOST_TEST(db->create_execution(e).error().code == store_errc::invalid);
  BOOST_TEST(db->list_executions({}, {10, "5:not-a-uuid"}).error().code == store_errc::invalid);
}

BOOST_AUTO_TEST_CASE(run_writes_merged_into_one_call_fall_back_to_one_by_one_on_a_bad_value) {
  auto db = open_store();
  auto commit_one = [&](write_op op) {
    write_batch one;
    one.requests.push_back({{std::move(op)}});
    auto outcomes = db->commit(one);
    BOOST_REQUIRE(outcomes.has_value() && outcomes->front().has_value());
    return std::move(outcomes->front()->front());
  };
  task_record task;
  task.id = "t1";
  task.name = "t1";
  task.type = "transform";
  task.definition = "{}";
  commit_one(put_task_op{task, task_put_mode::create});
  task_run_record queued;
  queued.task_id = "t1";
  queued.input = "{}";
  auto created = std::get<created_task_runs>(commit_one(create_task_runs_op{{queued, queued}}));
  auto good = created.runs.at(0);
  auto bad = created.runs.at(1);
  good.status = bad.status = "completed";
  good.output = R"({"ok":true})";
  bad.output = "{not json";
  write_batch batch;
  batch.requests.push_back({{update_task_run_op{bad}}, true});
  batch.requests.push_back(
      {{update_task_run_op{good}, append_task_log_op{good.id, {{0, 1, "system", "done"}}}},
       true});
  auto outcomes = db->commit(batch);
  BOOST_REQUIRE(outcomes.has_value());
  BOOST_TEST(((*outcomes)[0].has_value() ? store_errc::internal : (*outcomes)[0].error().code) ==
             store_errc::invalid);
  BOOST_TEST((*outcomes)[1].has_value());
  BOOST_TEST(db->get_task_run(good.id)->status == "completed");
  BOOST_TEST(db->get_task_run(bad.id)->status == "queued");
  BOOST_TEST(db->task_run_logs(good.id)->size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
