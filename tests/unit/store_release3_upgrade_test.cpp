// A SQLite store made by release 3 (tests/fixtures/release3_store.sqlite.sql: schema 0002,
// before clusters, written by that release's `auraos serve`) opened by this binary: it
// upgrades in place to the cluster schema; every row gets its shard (shard_of(id, 64)), the
// count 64 is stored, the node's leases keep their epochs, and shard-filtered reads find the
// waiting execution and its timer.
#include <boost/test/unit_test.hpp>

#include "persistence/shards.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "tests/support/sqlite_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace p = auraos::persistence;

namespace {

const std::string completed_id = "fa415ca0-d818-47e5-b2f2-d77c49ebc75c";  // shard 51 of 64
const std::string waiting_id = "4dcad7c0-917b-4a6b-8e4b-355e253adefa";    // shard 3 of 64
constexpr std::int64_t waiting_deadline = 1796258648022;

/// A release 3 database in a temp dir, opened by this binary.
struct release_3_store {
  release_3_store() {
    auraos::test::load_sqlite_fixture(path, "release3_store.sqlite.sql");
    reopen();
  }

  void reopen() {
    store.reset();
    auto opened = p::sqlite::sqlite_store::open({path, [this] { return now_ms; }});
    BOOST_TEST_REQUIRE(opened.has_value(), (opened ? "" : opened.error().message));
    store = std::move(opened).value();
  }

  auraos::test::temp_dir dir;
  std::string path = dir.file("auraos.db");
  std::int64_t now_ms = 1'796'300'000'000;
  std::unique_ptr<p::store> store;
};

std::vector<std::string> ids(const std::vector<p::execution_record>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.id);
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(store_release3_upgrade, release_3_store)

BOOST_AUTO_TEST_CASE(its_rows_get_their_shards_and_it_keeps_64_shards) {
  BOOST_TEST(p::shard_of(completed_id, 64) == 51);
  BOOST_TEST(p::shard_of(waiting_id, 64) == 3);
  BOOST_TEST(store->shard_count() == 64);
  BOOST_TEST(store->ensure_shard_count(std::nullopt).value() == 64);
  BOOST_TEST(store->ensure_shard_count(32).error().code == p::store_errc::conflict);

  BOOST_TEST(ids(store->unfinished_executions().value()) == std::vector<std::string>{waiting_id});
  BOOST_TEST(ids(store->unfinished_executions({3}).value()) ==
             std::vector<std::string>{waiting_id});
  BOOST_TEST(store->unfinished_executions({51, 4}).value().empty());
  auto due = store->due_timers(waiting_deadline, 10, {3});
  BOOST_TEST_REQUIRE(due.has_value());
  BOOST_TEST_REQUIRE(due->size() == 1u);
  BOOST_TEST(due->front().timer_id == "delay:hold:1");
  BOOST_TEST(store->due_timers(waiting_deadline, 10, {51}).value().empty());
  BOOST_TEST(store->next_timer_deadline({3}).value().value_or(0) == waiting_deadline);
  BOOST_TEST(!store->next_timer_deadline({0, 51}).value().has_value());

  BOOST_TEST(p::to_string(store->get_execution(completed_id)->status) == "completed");
  BOOST_TEST(store->read_history(completed_id, 0)->size() == 13u);
  BOOST_TEST(store->read_history(waiting_id, 0)->size() == 9u);
}

BOOST_AUTO_TEST_CASE(its_leases_keep_their_epochs_and_never_expire) {
  auto lease = store->get_shard_lease(3);
  BOOST_TEST_REQUIRE(lease.has_value());
  BOOST_TEST(lease->owner == "vm");
  BOOST_TEST(lease->epoch == 1);
  now_ms += 365LL * 24 * 3600 * 1000;  // a year later: no expiry
  reopen();
  p::history_event event{"", 0, now_ms, "node_completed", "hold", 1, "x"};
  p::append_history_op append{waiting_id, 10, {event}, p::fence{3, 1}};
  auto appended = store->append(append);
  BOOST_TEST(appended.has_value(), (appended ? "" : appended.error().message));
  auto taken = store->acquire_shard(3, "vm");
  BOOST_TEST_REQUIRE(taken.has_value());
  BOOST_TEST(taken->epoch == 2);
  append.expected_next_seq = 11;
  BOOST_TEST(store->append(append).error().code == p::store_errc::fenced);

  // New rows: under the fence's shard, else shard_of(id, 64).
  p::execution_record fresh;
  fresh.workflow_id = "orders";
  auto created = store->create_execution(fresh);
  BOOST_TEST_REQUIRE(created.has_value(), (created ? "" : created.error().message));
  auto shard = p::shard_of(created->execution.id, 64);
  BOOST_TEST(ids(store->unfinished_executions({shard}).value()).back() == created->execution.id);
  reopen();  // nothing applied twice
  BOOST_TEST(store->unfinished_executions().value().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
