// The store actor: group commit, one outcome per requester, durability across restarts.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <caf/all.hpp>

#include "actors/env.hpp"
#include "actors/store/store_actor.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "tests/support/faulty_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using namespace auraos;
namespace p = auraos::persistence;
using caf::infinite;

/// One writer's answer: which writer, and its outcome's error code (0 for success).
using writer_reply = std::pair<int, int>;

constexpr int writers = 60;

std::unique_ptr<p::sqlite::sqlite_store> open_store(const test::temp_dir& dir) {
  auto opened = p::sqlite::sqlite_store::open(
      {dir.file("auraos.db"), actors::wall_source(actors::real_env())});
  BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
  return std::move(opened).value();
}

/// Stores a workflow and one execution per writer; returns the execution ids.
std::vector<std::string> prepare(p::store& db) {
  BOOST_REQUIRE(db.put_workflow({"wf", "w", "", "1", "{}", {}}).has_value());
  std::vector<std::string> ids;
  for (int i = 0; i < writers; ++i) {
    p::execution_record e;
    e.workflow_id = "wf";
    ids.push_back(db.create_execution(e)->execution.id);
  }
  return ids;
}

/// Writer i appends one event at seq 1 (odd writers claim seq 2: a conflict).
p::write_request request_of(int i, const std::string& execution_id) {
  p::append_history_op op{
      execution_id, i % 2 == 0 ? 1 : 2, {{"", 0, 1, "started", "", 0, "x"}}, {}};
  return p::write_request{{std::move(op)}};
}

void writer(caf::event_based_actor* self, actors::store::store_actor store, caf::actor collector,
            int index, p::write_request request) {
  self->request(store, infinite, std::move(request))
      .then(
          [=](p::write_outcome& outcome) {
            int code = outcome ? 0 : static_cast<int>(outcome.error().code);
            self->send(collector, writer_reply{index, code});
          },
          [=](caf::error&) {
            self->send(collector, writer_reply{index, -1});
          });
}

/// A prepared database behind a faulty_store, and an actor system for the store actor.
struct outage_fixture {
  test::temp_dir dir;
  caf::actor_system_config cfg;
  caf::actor_system system{cfg};
  std::shared_ptr<p::store> real = open_store(dir);
  std::vector<std::string> ids = prepare(*real);
  std::shared_ptr<test::faulty_store> db = std::make_shared<test::faulty_store>(real);
};

}  // namespace

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(writer_reply)

BOOST_AUTO_TEST_SUITE(store_actor)

BOOST_AUTO_TEST_CASE(concurrent_writes_are_group_committed_with_one_outcome_each) {
  test::temp_dir dir;
  std::vector<std::string> ids;
  {
    caf::actor_system_config cfg;
    caf::actor_system system{cfg};
    std::shared_ptr<p::store> db = open_store(dir);
    ids = prepare(*db);
    auto store = actors::store::spawn_store_actor(system, db);
    caf::scoped_actor self{system};
    for (int i = 0; i < writers; ++i)
      system.spawn(writer, store, caf::actor{self}, i, request_of(i, ids[i]));
    std::vector<int> codes(writers, -2);
    int received = 0;
    self->receive_while([&] { return received < writers; })(
        [&](const writer_reply& reply) {
          codes[reply.first] = reply.second;
          ++received;
        },
        caf::after(std::chrono::seconds(30)) >> [&] { received = writers; });
    for (int i = 0; i < writers; ++i)
      BOOST_TEST(codes[i] == (i % 2 == 0 ? 0 : static_cast<int>(p::store_errc::conflict)),
                 "writer " << i);
    self->request(store, infinite, actors::store::stats_atom::value)
        .receive(
            [&](const actors::store::commit_stats& stats) {
              BOOST_TEST_MESSAGE(stats.requests << " requests in " << stats.commits << " commits");
              BOOST_TEST(stats.requests == static_cast<std::uint64_t>(writers));
              BOOST_TEST(stats.commits < stats.requests);
              BOOST_TEST(stats.commits >= 1u);
              BOOST_TEST(stats.failed_commits == 0u);
            },
            [&](caf::error& e) { BOOST_FAIL("stats request failed: " << system.render(e)); });
    self->send_exit(store, caf::exit_reason::user_shutdown);
    self->wait_for(store);
  }
  auto reopened = open_store(dir);
  for (int i = 0; i < writers; ++i)
    BOOST_TEST(reopened->read_history(ids[i], 0, 0)->size() == (i % 2 == 0 ? 1u : 0u),
               "writer " << i);
}

BOOST_AUTO_TEST_CASE(reads_are_answered_with_the_stored_records) {
  test::temp_dir dir;
  caf::actor_system_config cfg;
  caf::actor_system system{cfg};
  std::shared_ptr<p::store> db = open_store(dir);
  auto ids = prepare(*db);
  auto store = actors::store::spawn_store_actor(system, db);
  caf::scoped_actor self{system};
  self->request(store, infinite, actors::store::get_execution_query{ids[0]})
      .receive(
          [&](const p::store_result<p::execution_record>& found) {
            BOOST_REQUIRE(found.has_value());
            BOOST_TEST(found->workflow_id == "wf");
          },
          [&](caf::error& e) { BOOST_FAIL("read failed: " << system.render(e)); });
  self->request(store, infinite, actors::store::get_workflow_query{"missing", std::nullopt})
      .receive(
          [&](const p::store_result<p::workflow_record>& found) {
            BOOST_REQUIRE(!found.has_value());
            BOOST_TEST((found.error().code == p::store_errc::not_found));
          },
          [&](caf::error& e) { BOOST_FAIL("read failed: " << system.render(e)); });
  self->send_exit(store, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(event_queries_are_answered_with_the_event_store_reads) {
  test::temp_dir dir;
  caf::actor_system_config cfg;
  caf::actor_system system{cfg};
  auto store = actors::store::spawn_store_actor(system, open_store(dir));
  caf::scoped_actor self{system};
  auto failed = [&](caf::error& e) { BOOST_FAIL("request failed: " << system.render(e)); };
  p::publish_events_op publish;
  for (const char* id : {"e1", "e2", "e3"}) {
    p::event_record e;
    e.id = id;
    e.type = "order.paid";
    e.source = "shop";
    e.correlation_id = "c1";
    publish.events.push_back(e);
  }
  p::write_request write{{publish, p::put_event_cursor_op{"triggers", 2}}};
  self->request(store, infinite, write)
      .receive([&](const p::write_outcome& done) { BOOST_REQUIRE(done.has_value()); }, failed);
  self->request(store, infinite, actors::store::get_event_query{"e2"})
      .receive([&](const p::store_result<p::event_record>& e) { BOOST_TEST(e->seq == 2); }, failed);
  self->request(store, infinite, actors::store::get_event_query{"nope"})
      .receive(
          [&](const p::store_result<p::event_record>& e) {
            BOOST_TEST((e.error().code == p::store_errc::not_found));
          },
          failed);
  p::event_filter filter;
  filter.after_seq = 1;
  self->request(store, infinite, actors::store::list_events_query{filter, {1, std::nullopt}})
      .receive(
          [&](const p::store_result<p::page<p::event_record>>& page) {
            BOOST_REQUIRE(page.has_value());
            BOOST_TEST(page->items.front().id == "e2");
            BOOST_TEST(page->next_cursor.has_value());
          },
          failed);
  self->request(store, infinite, actors::store::correlated_events_query{"c1", 10})
      .receive(
          [&](const p::store_result<std::vector<p::event_record>>& all) {
            BOOST_TEST(all->size() == 3u);
          },
          failed);
  self->request(store, infinite, actors::store::last_event_seq_query{})
      .receive([&](const p::store_result<std::int64_t>& seq) { BOOST_TEST(*seq == 3); }, failed);
  self->request(store, infinite, actors::store::event_cursor_query{"triggers"})
      .receive([&](const p::store_result<std::int64_t>& seq) { BOOST_TEST(*seq == 2); }, failed);
  self->send_exit(store, caf::exit_reason::user_shutdown);
}

BOOST_FIXTURE_TEST_CASE(while_the_database_is_down_runtime_writes_wait_and_api_writes_are_refused,
                        outage_fixture) {
  db->drop_connection();
  auto store = actors::store::spawn_store_actor(system, db);
  caf::scoped_actor self{system};
  auto waiting = request_of(0, ids[0]);
  waiting.wait_for_database = true;
  system.spawn(writer, store, caf::actor{self}, 0, std::move(waiting));
  system.spawn(writer, store, caf::actor{self}, 2, request_of(2, ids[2]));
  self->receive([&](const writer_reply& reply) {
    BOOST_TEST(reply.first == 2);
    BOOST_TEST(reply.second == static_cast<int>(p::store_errc::unavailable));
  });
  self->request(store, infinite, actors::store::ping_query{})
      .receive([&](const p::store_status& pinged) { BOOST_TEST(!pinged.has_value()); },
               [&](caf::error& e) { BOOST_FAIL("ping failed: " << system.render(e)); });
  bool answered_while_down = false;
  self->receive([&](const writer_reply&) { answered_while_down = true; },
                caf::after(std::chrono::milliseconds(400)) >> [] {});
  BOOST_TEST(!answered_while_down);
  db->restore_connection();
  self->receive(
      [&](const writer_reply& reply) {
        BOOST_TEST(reply.first == 0);
        BOOST_TEST(reply.second == 0);
      },
      caf::after(std::chrono::seconds(10)) >>
          [] { BOOST_FAIL("the held write was never stored"); });
  BOOST_TEST(real->read_history(ids[0], 0)->size() == 1u);
  BOOST_TEST(real->read_history(ids[2], 0)->empty());
  self->send_exit(store, caf::exit_reason::user_shutdown);
}

BOOST_FIXTURE_TEST_CASE(api_writes_are_stored_again_once_the_database_is_back, outage_fixture) {
  auto store = actors::store::spawn_store_actor(system, db);
  caf::scoped_actor self{system};
  auto api_write = [&](int i) {
    int code = -1;
    self->request(store, infinite, request_of(i, ids[i]))
        .receive(
            [&](p::write_outcome& outcome) {
              code = outcome ? 0 : static_cast<int>(outcome.error().code);
            },
            [&](caf::error& e) { BOOST_FAIL("write failed: " << system.render(e)); });
    return code;
  };
  db->drop_connection();
  BOOST_TEST(api_write(0) == static_cast<int>(p::store_errc::unavailable));
  BOOST_TEST(api_write(2) == static_cast<int>(p::store_errc::unavailable));
  db->restore_connection();
  // Nothing else reaches the store: its own probes must notice the database is back.
  auto back = std::chrono::steady_clock::now();
  int code = -1;
  while (code != 0 && std::chrono::steady_clock::now() - back < std::chrono::seconds(3)) {
    code = api_write(4);
    if (code != 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  auto took = std::chrono::steady_clock::now() - back;
  BOOST_TEST(code == 0);
  BOOST_TEST((took < std::chrono::seconds(1)));
  self->request(store, infinite, actors::store::ping_query{})
      .receive([&](const p::store_status& pinged) { BOOST_TEST(pinged.has_value()); },
               [&](caf::error& e) { BOOST_FAIL("ping failed: " << system.render(e)); });
  self->send_exit(store, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_SUITE_END()
