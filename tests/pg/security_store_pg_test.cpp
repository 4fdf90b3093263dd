// PostgreSQL-only behaviour of the security store with several nodes on one database: a refresh
// token rotated by two nodes at once rotates once, and revocations that nodes store at the same
// time reach a node polling "after the last seq I read" without a gap.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <future>
#include <set>
#include <string>
#include <vector>

#include "actors/env.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "tests/support/pg_server.hpp"

namespace {

using namespace auraos::persistence;
using auraos::test::pg_server;

/// The real env's wall clock, for stored stamps.
const clock_fn wall_clock = auraos::actors::wall_source(auraos::actors::real_env());

/// One server per case; each node opens its own store (its own connection).
struct nodes_fixture {
  nodes_fixture() {
    auto launched = pg_server::launch();
    BOOST_REQUIRE_MESSAGE(launched.has_value(), (launched ? "" : launched.error()));
    server = std::move(launched).value();
  }

  std::unique_ptr<postgres::postgres_store> open_node() {
    auto opened = postgres::postgres_store::open({server->url(), wall_clock});
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
    return std::move(opened).value();
  }

  std::unique_ptr<pg_server> server;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(security_store_pg, nodes_fixture)

BOOST_AUTO_TEST_CASE(a_refresh_token_rotated_by_several_nodes_at_once_rotates_once) {
  constexpr int nodes = 6;
  std::vector<std::unique_ptr<postgres::postgres_store>> stores;
  for (int i = 0; i < nodes; ++i) stores.push_back(open_node());
  auto user = stores[0]->create_user({"", "alice", "$argon2id$h", "viewer"});
  BOOST_REQUIRE_MESSAGE(user.has_value(), (user ? "" : user.error().message));
  auto far = wall_clock() + 3'600'000;
  BOOST_REQUIRE(stores[0]->create_refresh_token({"r0", user->id, "old", 0, far}).has_value());
  std::vector<std::future<store_result<refresh_token_record>>> rotations;
  for (int i = 0; i < nodes; ++i)
    rotations.push_back(std::async(std::launch::async, [&, i] {
      return stores[i]->rotate_refresh_token({"old", "", "new-" + std::to_string(i), far});
    }));
  int rotated = 0;
  for (auto& rotation : rotations) {
    auto done = rotation.get();
    if (done) {
      ++rotated;
    } else {
      BOOST_TEST(done.error().code == store_errc::conflict, done.error().message);
    }
  }
  BOOST_TEST(rotated == 1);
  auto old = stores[0]->find_refresh_token("old");
  BOOST_REQUIRE(old.has_value());
  BOOST_TEST(old->replaced_by.has_value());
}

BOOST_AUTO_TEST_CASE(revocations_of_several_nodes_reach_a_poller_without_a_gap) {
  constexpr int nodes = 4;
  constexpr int per_node = 40;
  std::vector<std::unique_ptr<postgres::postgres_store>> stores;
  for (int i = 0; i < nodes; ++i) stores.push_back(open_node());
  auto poller = open_node();
  auto expires = wall_clock() + 3'600'000;
  std::vector<std::future<bool>> writers;
  for (int i = 0; i < nodes; ++i)
    writers.push_back(std::async(std::launch::async, [&, i] {
      for (int k = 0; k < per_node; ++k)
        if (!stores[i]->revoke_token("jti-" + std::to_string(i) + "-" + std::to_string(k), expires))
          return false;
      return true;
    }));
  // Polls while the nodes write: a seq seen before a lower one commits would be a gap.
  std::set<std::string> seen;
  std::int64_t last = 0;
  auto poll = [&] {
    auto fresh = poller->revocations_after(last, 1000);
    BOOST_REQUIRE_MESSAGE(fresh.has_value(), (fresh ? "" : fresh.error().message));
    for (const auto& r : *fresh) {
      BOOST_TEST(r.seq > last);
      last = r.seq;
      seen.insert(r.token_id);
    }
  };
  while (std::any_of(writers.begin(), writers.end(), [](auto& w) {
    return w.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready;
  }))
    poll();
  for (auto& w : writers) BOOST_TEST(w.get());
  poll();
  BOOST_TEST(seen.size() == static_cast<std::size_t>(nodes * per_node));
  auto all = poller->revocations_after(0, 1000);
  BOOST_REQUIRE(all.has_value());
  BOOST_TEST(all->size() == seen.size());
}

BOOST_AUTO_TEST_SUITE_END()
