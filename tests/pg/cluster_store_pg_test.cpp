// The cluster store on PostgreSQL: members and incarnations, the shard count, leases that
// are acquired, renewed, expire, are taken over, released and left, and the fence of every
// execution write against a stale or expired lease (one throwaway server, a database a case).
#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "persistence/postgres/postgres_cluster_store.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "persistence/shards.hpp"
#include "runtime/uuid.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/wall_clock.hpp"

namespace p = auraos::persistence;
using auraos::errc;
using namespace std::chrono_literals;

namespace {

/// The server shared by every case of this process.
auraos::test::pg_server& shared_server() {
  static auto server = [] {
    auto launched = auraos::test::pg_server::launch();
    if (!launched) BOOST_FAIL("cannot start PostgreSQL: " + launched.error());
    return std::move(launched).value();
  }();
  return *server;
}

/// A fresh database with a store (it migrates) and two nodes' cluster stores.
struct cluster_fixture {
  cluster_fixture() {
    static std::atomic<int> next{0};
    auto name = "c_" + std::to_string(next++);
    auto made = shared_server().create_database(name);
    BOOST_REQUIRE_MESSAGE(made.has_value(), (made ? "" : made.error()));
    url = shared_server().url_for(name);
    auto opened = p::postgres::postgres_store::open({url, auraos::test::wall_clock()});
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
    db = std::move(opened).value();
    n1 = open_cluster();
    n2 = open_cluster();
  }

  std::unique_ptr<p::cluster_store> open_cluster() {
    auto opened = p::postgres::postgres_cluster_store::open(url);
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
    return std::move(opened).value();
  }

  /// Joins `node` as `name` with the default shard count; its incarnation.
  std::int64_t join(p::cluster_store& node, const std::string& name) {
    auto joined = node.join(name, name + ":7101", name + ":8081", std::nullopt);
    BOOST_REQUIRE_MESSAGE(joined.has_value(), (joined ? "" : joined.error().message));
    return joined->incarnation;
  }

  /// The lease `name` acquired of `shard` (the test fails when none).
  p::fence acquire(p::cluster_store& node, std::int64_t shard, const std::string& name,
                   std::int64_t incarnation, std::int64_t lease_ms) {
    auto lease = node.acquire(shard, name, incarnation, lease_ms);
    BOOST_REQUIRE_MESSAGE(lease.has_value(), (lease ? "" : lease.error().message));
    BOOST_REQUIRE(lease->has_value());
    return {shard, (*lease)->epoch};
  }

  /// The lease row of `shard`.
  p::cluster_lease lease_of(std::int64_t shard) {
    auto all = n1->leases();
    BOOST_REQUIRE_MESSAGE(all.has_value(), (all ? "" : all.error().message));
    for (const auto& lease : *all)
      if (lease.shard == shard) return lease;
    BOOST_FAIL("no lease row for shard " + std::to_string(shard));
    return {};
  }

  /// Waits (at most 10 s) until the lease of `shard` has ended by the database's clock.
  void wait_until_expired(std::int64_t shard) {
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (lease_of(shard).expires_in_ms.value_or(1) > 0) {
      BOOST_REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline,
                            "the lease of shard " << shard << " did not expire");
      std::this_thread::sleep_for(20ms);
    }
  }

  /// An execution of workflow "wf" created under `lease`, with a timer "t".
  p::execution_record create_under(p::fence lease) {
    p::execution_record e;
    e.workflow_id = "wf";
    e.status = p::execution_status::running;
    auto created = db->create_execution(e, lease);
    BOOST_REQUIRE_MESSAGE(created.has_value(), (created ? "" : created.error().message));
    auto timer = db->put_timer({created->execution.id, "t", 100}, lease);
    BOOST_REQUIRE_MESSAGE(timer.has_value(), (timer ? "" : timer.error().message));
    return created->execution;
  }

  /// The outcome ("ok" or the error code) of every fenced write kind about `e` under `lease`.
  std::vector<std::string> write_all(const p::execution_record& e, p::fence lease) {
    auto code = [](const auto& r) {
      return r ? std::string{"ok"} : std::string{auraos::to_string(r.error().code)};
    };
    p::execution_record other;
    other.workflow_id = "wf";
    p::append_history_op append{e.id, 1, {{"", 0, 1, "step", "", 0, "x"}}, lease};
    p::execution_update update{e.id, p::execution_status::running, {}, {}, {}, {}};
    return {code(db->create_execution(other, lease)),
            code(db->update_execution(update, lease)),
            code(db->append(append)),
            code(db->put_snapshot({e.id, 1, "s"}, lease)),
            code(db->put_timer({e.id, "u", 50}, lease)),
            code(db->delete_timer(e.id, "u", lease))};
  }

  std::string url;
  std::unique_ptr<p::store> db;
  std::unique_ptr<p::cluster_store> n1, n2;
};

const std::vector<std::string> all_fenced(6, "fenced");
const std::vector<std::string> all_ok(6, "ok");

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cluster_store, cluster_fixture)

BOOST_AUTO_TEST_CASE(joining_again_bumps_the_incarnation_and_fences_the_old_one) {
  auto joined = n1->join("n1", "127.0.0.1:7101", "127.0.0.1:8081", std::nullopt);
  BOOST_REQUIRE(joined.has_value());
  BOOST_TEST(joined->shards == 64);
  BOOST_TEST(joined->incarnation == 1);
  auto leases = n1->leases();
  BOOST_REQUIRE(leases.has_value());
  BOOST_REQUIRE_EQUAL(leases->size(), 64u);
  BOOST_TEST(leases->at(7).owner == "");
  BOOST_TEST(leases->at(7).epoch == 0);

  auto again = n1->join("n1", "127.0.0.1:7102", "127.0.0.1:8082", std::nullopt);
  BOOST_REQUIRE(again.has_value());
  BOOST_TEST(again->incarnation == 2);
  BOOST_TEST(n1->heartbeat("n1", 1, 1000).error().code == errc::fenced);
  BOOST_TEST(n1->acquire(0, "n1", 1, 1000).error().code == errc::fenced);
  BOOST_TEST(n1->heartbeat("ghost", 1, 1000).error().code == errc::fenced);
  auto beat = n1->heartbeat("n1", 2, 1000);
  BOOST_REQUIRE_MESSAGE(beat.has_value(), (beat ? "" : beat.error().message));
  BOOST_TEST(beat->empty());

  auto nodes = n2->nodes();
  BOOST_REQUIRE(nodes.has_value());
  BOOST_REQUIRE_EQUAL(nodes->size(), 1u);
  const auto& node = nodes->front();
  BOOST_TEST(node.name == "n1");
  BOOST_TEST(node.incarnation == 2);
  BOOST_TEST(node.cluster_address == "127.0.0.1:7102");
  BOOST_TEST(node.http_address == "127.0.0.1:8082");
  BOOST_TEST(!node.left);
  BOOST_TEST(node.heartbeat_age_ms >= 0);
  BOOST_TEST(node.heartbeat_age_ms < 5000);
  BOOST_TEST(node.started_at_ms > 1'700'000'000'000);
}

BOOST_AUTO_TEST_CASE(the_first_node_fixes_the_shard_count) {
  auto first = n1->join("n1", "a:1", "a:2", 16);
  BOOST_REQUIRE(first.has_value());
  BOOST_TEST(first->shards == 16);
  auto other = n2->join("n2", "b:1", "b:2", 32);
  BOOST_REQUIRE(!other.has_value());
  BOOST_TEST(other.error().code == errc::conflict);
  BOOST_TEST(other.error().message.find("16") != std::string::npos);
  BOOST_TEST(other.error().message.find("32") != std::string::npos);
  BOOST_TEST(n2->join("n2", "b:1", "b:2", std::nullopt)->shards == 16);
  BOOST_TEST(n2->join("n2", "b:1", "b:2", 16)->shards == 16);
  BOOST_TEST(n1->leases()->size() == 16u);
  BOOST_TEST(db->ensure_shard_count(std::nullopt).value() == 16);
  BOOST_TEST(db->shard_count() == 16);
  BOOST_TEST(n1->join("", "a:1", "a:2", std::nullopt).error().code == errc::invalid);
}

BOOST_AUTO_TEST_CASE(a_lease_is_acquired_renewed_expires_and_is_taken_over) {
  auto one = join(*n1, "n1");
  auto two = join(*n2, "n2");
  auto first = n1->acquire(3, "n1", one, 60'000);
  BOOST_REQUIRE(first.has_value() && first->has_value());
  BOOST_TEST((*first)->epoch == 1);
  BOOST_TEST((*first)->owner == "n1");
  BOOST_TEST((*first)->incarnation == one);
  BOOST_TEST((*first)->expires_in_ms.value_or(0) > 50'000);
  BOOST_TEST((*first)->expires_in_ms.value_or(0) <= 60'000);
  auto refused = n2->acquire(3, "n2", two, 60'000);
  BOOST_REQUIRE(refused.has_value());
  BOOST_TEST(!refused->has_value());
  // Acquiring again what is ours bumps the epoch too; a short lease is then renewed.
  auto mine = acquire(*n1, 3, "n1", one, 400);
  BOOST_TEST(mine.epoch == 2);
  auto renewed = n1->heartbeat("n1", one, 400);
  BOOST_REQUIRE(renewed.has_value());
  BOOST_REQUIRE_EQUAL(renewed->size(), 1u);
  BOOST_TEST(renewed->front().shard == 3);
  BOOST_TEST(renewed->front().epoch == 2);
  BOOST_TEST(renewed->front().expires_in_ms.value_or(0) > 0);
  // Unrenewed, it expires; a heartbeat does not bring it back; another node takes it over.
  wait_until_expired(3);
  BOOST_TEST(n1->heartbeat("n1", one, 400)->empty());
  auto taken = acquire(*n2, 3, "n2", two, 60'000);
  BOOST_TEST(taken.epoch == 3);
  BOOST_TEST(lease_of(3).owner == "n2");
  BOOST_TEST(lease_of(3).incarnation == two);
  BOOST_TEST(n1->heartbeat("n1", one, 400)->empty());
  BOOST_TEST(n2->heartbeat("n2", two, 60'000)->size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_expired_lease_fences_every_write_though_nobody_took_the_shard) {
  auto one = join(*n1, "n1");
  BOOST_REQUIRE(db->put_workflow({"wf", "wf", "", "1", R"({"nodes":[]})", {}}).has_value());
  auto lease = acquire(*n1, 6, "n1", one, 1000);
  auto e = create_under(lease);
  wait_until_expired(6);
  BOOST_TEST(write_all(e, lease) == all_fenced);
  BOOST_TEST(lease_of(6).owner == "n1");
  BOOST_TEST(db->read_history(e.id, 0)->empty());
  auto back = acquire(*n1, 6, "n1", one, 60'000);
  BOOST_TEST(back.epoch == lease.epoch + 1);
  BOOST_TEST(write_all(e, lease) == all_fenced);
  BOOST_TEST(write_all(e, back) == all_ok);
}

BOOST_AUTO_TEST_CASE(a_stale_epoch_is_fenced_after_a_release_and_an_acquisition_elsewhere) {
  auto one = join(*n1, "n1");
  auto two = join(*n2, "n2");
  BOOST_REQUIRE(db->put_workflow({"wf", "wf", "", "1", R"({"nodes":[]})", {}}).has_value());
  auto mine = acquire(*n1, 5, "n1", one, 60'000);
  auto e = create_under(mine);
  BOOST_TEST(!n2->acquire(5, "n2", two, 60'000)->has_value());
  BOOST_REQUIRE(n1->release(5, "n1", mine.epoch + 7).has_value());  // not that epoch: nothing
  BOOST_TEST(lease_of(5).expires_in_ms.value_or(0) > 0);
  BOOST_REQUIRE(n1->release(5, "n1", mine.epoch).has_value());
  BOOST_TEST(lease_of(5).expires_in_ms.value_or(1) <= 0);
  BOOST_TEST(write_all(e, mine) == all_fenced);
  BOOST_TEST(n1->heartbeat("n1", one, 60'000)->empty());
  auto theirs = acquire(*n2, 5, "n2", two, 60'000);
  BOOST_TEST(theirs.epoch == mine.epoch + 1);
  BOOST_TEST(write_all(e, mine) == all_fenced);
  BOOST_TEST(write_all(e, theirs) == all_ok);
}

BOOST_AUTO_TEST_CASE(leaving_ends_the_membership_and_the_leases) {
  auto one = join(*n1, "n1");
  auto two = join(*n2, "n2");
  auto mine = acquire(*n1, 1, "n1", one, 60'000);
  acquire(*n1, 2, "n1", one, 60'000);
  BOOST_TEST(!n2->acquire(1, "n2", two, 60'000)->has_value());
  BOOST_REQUIRE(n1->leave("n1", one).has_value());
  auto nodes = n2->nodes();
  BOOST_REQUIRE(nodes.has_value());
  BOOST_REQUIRE_EQUAL(nodes->size(), 2u);
  BOOST_TEST(nodes->at(0).name == "n1");
  BOOST_TEST(nodes->at(0).left);
  BOOST_TEST(!nodes->at(1).left);
  BOOST_TEST(n1->heartbeat("n1", one, 60'000).error().code == errc::fenced);
  BOOST_TEST(n1->acquire(3, "n1", one, 60'000).error().code == errc::fenced);
  BOOST_TEST(acquire(*n2, 1, "n2", two, 60'000).epoch == mine.epoch + 1);
  BOOST_TEST(acquire(*n2, 2, "n2", two, 60'000).epoch == 2);
  // Joining again makes it a member once more.
  auto three = join(*n1, "n1");
  BOOST_TEST(three == one + 1);
  BOOST_TEST(!n2->nodes()->at(0).left);
}

BOOST_AUTO_TEST_CASE(a_single_node_lease_is_taken_over_by_a_member) {
  auto solo = db->acquire_shard(9, "solo");
  BOOST_REQUIRE(solo.has_value());
  BOOST_TEST(!lease_of(9).expires_in_ms.has_value());
  BOOST_TEST(!lease_of(9).expires_at_ms.has_value());
  auto one = join(*n1, "n1");
  auto taken = acquire(*n1, 9, "n1", one, 60'000);
  BOOST_TEST(taken.epoch == solo->epoch + 1);
  // A single node's acquisition takes it back without expiry (a cluster of one).
  auto back = db->acquire_shard(9, "solo");
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->epoch == taken.epoch + 1);
  BOOST_TEST(lease_of(9).incarnation == 0);
  BOOST_TEST(!lease_of(9).expires_in_ms.has_value());
  BOOST_TEST(n1->heartbeat("n1", one, 60'000)->empty());
}

BOOST_AUTO_TEST_CASE(the_sql_shard_of_is_the_cpp_one) {
  std::vector<std::string> ids{"", "a", "orders", "héllo wörld",
                               "66666666-6666-4666-8666-666666666666"};
  for (int i = 0; i < 40; ++i) ids.push_back(auraos::runtime::random_uuid());
  PGconn* conn = PQconnectdb(url.c_str());
  for (const auto& id : ids)
    for (const char* shards : {"64", "7", "4096"}) {
      const char* values[] = {id.c_str(), shards};
      PGresult* rows = PQexecParams(conn, "SELECT auraos_shard_of($1, $2::bigint)", 2, nullptr,
                                    values, nullptr, nullptr, 0);
      BOOST_REQUIRE_MESSAGE(PQresultStatus(rows) == PGRES_TUPLES_OK, PQerrorMessage(conn));
      auto sql = std::stoll(PQgetvalue(rows, 0, 0));
      PQclear(rows);
      BOOST_TEST(sql == p::shard_of(id, std::stoll(shards)), id << " mod " << shards);
    }
  PQfinish(conn);
}

BOOST_AUTO_TEST_SUITE_END()
