// The lease keeper's pure parts with explicit times: the move budget, the local lease clock and
// the decision of one tick.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "runtime/cluster/keeper_step.hpp"

using namespace auraos::runtime::cluster;
using std::chrono::milliseconds;
using shard_list = std::vector<std::int64_t>;

namespace {

/// Node n1 with the default timings (heartbeat 500 ms, lease 2000 ms).
cluster_settings n1_settings() {
  cluster_settings s;
  s.node_name = "n1";
  return s;
}

shard_list range(std::int64_t from, std::int64_t to) {
  shard_list shards;
  for (auto s = from; s < to; ++s) shards.push_back(s);
  return shards;
}

/// A tick at `now_ms` whose heartbeat started at `started_ms` and renewed `renewed`.
keeper_tick renewed_tick(std::int64_t now_ms, std::int64_t started_ms, shard_list renewed) {
  keeper_tick tick;
  tick.now = at_ms(now_ms);
  tick.heartbeat = heartbeat_outcome{at_ms(started_ms), true, std::move(renewed), false};
  tick.shards = 64;
  return tick;
}

void own(keeper_tick& tick, const std::string& owner, const shard_list& shards,
         milliseconds expires_in) {
  for (auto s : shards) tick.leases.push_back({s, owner, expires_in});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cluster_keeper_suite)

BOOST_AUTO_TEST_CASE(move_budget_allows_a_burst_of_8_then_one_every_125_ms) {
  move_budget budget;
  BOOST_TEST(budget.available(at_ms(1000)) == 8);
  BOOST_TEST(budget.take(at_ms(1000), 10) == 8);
  BOOST_TEST(budget.take(at_ms(1124), 1) == 0);
  BOOST_TEST(budget.available(at_ms(1125)) == 1);
  BOOST_TEST(budget.take(at_ms(1250), 5) == 2);
  BOOST_TEST(budget.take(at_ms(1250), 1) == 0);
  BOOST_TEST(budget.available(at_ms(60000)) == 8, "the bucket holds at most the burst");
  BOOST_TEST(budget.take(at_ms(60000), -3) == 0);
  BOOST_TEST(budget.available(at_ms(59000)) == 8, "time going back grants nothing new");
}

BOOST_AUTO_TEST_CASE(move_budget_takes_its_rate_and_burst) {
  move_budget budget(milliseconds(1000), 2);
  BOOST_TEST(budget.take(at_ms(0), 3) == 2);
  BOOST_TEST(budget.take(at_ms(999), 1) == 0);
  BOOST_TEST(budget.take(at_ms(1000), 1) == 1);
}

BOOST_AUTO_TEST_CASE(lease_clock_expires_at_lease_minus_half_a_heartbeat_after_the_start) {
  lease_clock clock(n1_settings());
  BOOST_TEST(clock.expired(at_ms(0)), "never renewed");
  BOOST_TEST(clock.must_renew(at_ms(0)));
  BOOST_TEST(!clock.valid_until());
  clock.renewed(at_ms(10000));
  BOOST_TEST((*clock.valid_until() == at_ms(11750)));
  BOOST_TEST(!clock.expired(at_ms(11749)));
  BOOST_TEST(clock.expired(at_ms(11750)));
  BOOST_TEST(!clock.must_renew(at_ms(10499)));
  BOOST_TEST(clock.must_renew(at_ms(10500)));
  clock.renewed(at_ms(9000));  // a late answer to an older renewal
  BOOST_TEST((*clock.valid_until() == at_ms(11750)));
  clock.renewed(at_ms(10500));
  BOOST_TEST(!clock.expired(at_ms(12249)));
  BOOST_TEST(clock.expired(at_ms(12250)));
}

BOOST_AUTO_TEST_CASE(failed_renewals_keep_shards_until_the_lease_then_stop_all_without_writes) {
  keeper_state state(n1_settings());
  auto first = renewed_tick(0, 0, range(0, 4));
  own(first, "n1", range(0, 4), milliseconds(2000));
  first.running = range(0, 4);
  keeper_step(state, first);
  keeper_tick failed;
  failed.shards = 64;
  failed.running = range(0, 4);
  failed.now = at_ms(1749);
  failed.heartbeat = heartbeat_outcome{at_ms(1500), false, {}, false};
  auto before = keeper_step(state, failed);
  BOOST_TEST(!before.lost);
  BOOST_TEST((before.stop.empty() && before.acquire.empty() && before.release.empty()));
  failed.now = at_ms(1750);
  auto after = keeper_step(state, failed);
  BOOST_TEST(after.lost);
  BOOST_TEST(after.stop == range(0, 4));
  BOOST_TEST((after.acquire.empty() && after.release.empty()));
}

BOOST_AUTO_TEST_CASE(a_renewal_that_answers_after_the_lease_is_no_renewal) {
  keeper_state state(n1_settings());
  auto late = renewed_tick(1750, 0, range(0, 2));
  late.running = range(0, 2);
  auto decision = keeper_step(state, late);
  BOOST_TEST(decision.lost);
  BOOST_TEST(decision.stop == range(0, 2));
}

BOOST_AUTO_TEST_CASE(a_fenced_heartbeat_stops_all_at_once) {
  keeper_state state(n1_settings());
  keeper_step(state, renewed_tick(0, 0, {0, 1}));
  keeper_tick fenced;
  fenced.now = at_ms(600);
  fenced.heartbeat = heartbeat_outcome{at_ms(500), false, {}, true};
  fenced.running = {0, 1};
  auto decision = keeper_step(state, fenced);
  BOOST_TEST(decision.lost);
  BOOST_TEST(decision.stop == (shard_list{0, 1}));
}

BOOST_AUTO_TEST_CASE(running_shards_the_renewal_missed_are_stopped_and_not_reacquired) {
  keeper_state state(n1_settings());
  auto tick = renewed_tick(100, 0, {0, 1});
  tick.running = {0, 1, 2};
  tick.members = {{"n1", milliseconds(0), false}};
  own(tick, "n1", {0, 1}, milliseconds(1900));
  own(tick, "n1", {2}, milliseconds(-5));  // expired: taken by nobody yet
  auto decision = keeper_step(state, tick);
  BOOST_TEST(!decision.lost);
  BOOST_TEST(decision.stop == shard_list{2});
  BOOST_TEST(decision.acquire == range(3, 64));
}

BOOST_AUTO_TEST_CASE(a_new_member_gets_shards_released_within_the_budget) {
  keeper_state state(n1_settings());
  auto tick = renewed_tick(100, 0, range(0, 64));
  tick.running = range(0, 64);
  tick.members = {{"n1", milliseconds(10), false}, {"n2", milliseconds(0), false}};
  own(tick, "n1", range(0, 64), milliseconds(1900));
  auto first = keeper_step(state, tick);
  BOOST_TEST(first.release == (shard_list{63, 62, 61, 60, 59, 58, 57, 56}));
  BOOST_TEST((first.stop.empty() && first.acquire.empty()));
  auto next = renewed_tick(225, 200, range(0, 64));
  next.running = range(0, 64);
  next.members = tick.members;
  next.leases = tick.leases;
  next.releasing = range(56, 64);
  auto second = keeper_step(state, next);
  BOOST_TEST(second.release == shard_list{55}, "one more move 125 ms later");
}

BOOST_AUTO_TEST_CASE(a_dead_members_expired_leases_are_acquired) {
  keeper_state state(n1_settings());
  auto tick = renewed_tick(100, 0, range(0, 32));
  tick.running = range(0, 32);
  tick.members = {{"n1", milliseconds(0), false}, {"n2", milliseconds(2500), false}};
  own(tick, "n1", range(0, 32), milliseconds(1900));
  own(tick, "n2", range(32, 64), milliseconds(-500));
  auto decision = keeper_step(state, tick);
  BOOST_TEST(decision.acquire == range(32, 64));
  BOOST_TEST((decision.stop.empty() && decision.release.empty() && !decision.lost));
}

BOOST_AUTO_TEST_CASE(a_suspect_member_keeps_its_shards_and_its_target) {
  keeper_state state(n1_settings());
  auto tick = renewed_tick(100, 0, range(0, 32));
  tick.running = range(0, 32);
  tick.members = {{"n1", milliseconds(0), false}, {"n2", milliseconds(1500), false}};
  own(tick, "n1", range(0, 32), milliseconds(1900));
  own(tick, "n2", range(32, 64), milliseconds(300));
  auto decision = keeper_step(state, tick);
  BOOST_TEST((decision.acquire.empty() && decision.release.empty() && decision.stop.empty()));
}

BOOST_AUTO_TEST_CASE(leases_that_never_expire_count_as_owned) {
  keeper_state state(n1_settings());
  auto tick = renewed_tick(100, 0, {});
  tick.members = {{"n1", milliseconds(0), false}};
  tick.leases.push_back({0, "single", std::nullopt});
  tick.leases.push_back({1, "", std::nullopt});  // never owned
  tick.shards = 2;
  auto decision = keeper_step(state, tick);
  BOOST_TEST(decision.acquire == shard_list{1});
}

BOOST_AUTO_TEST_SUITE_END()
