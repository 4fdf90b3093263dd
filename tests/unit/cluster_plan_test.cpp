// Shard spreading and one node's plan (acquire, release), and member status by heartbeat age.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "runtime/cluster/member_status.hpp"
#include "runtime/cluster/shard_plan.hpp"

using namespace auraos::runtime::cluster;
using std::chrono::milliseconds;

namespace {

using owner_table = std::vector<std::optional<std::string>>;

std::vector<std::string> names(int n) {
  std::vector<std::string> all;
  for (int i = n; i >= 1; --i) all.push_back("n" + std::to_string(i));  // unsorted on purpose
  return all;
}

std::map<std::string, std::int64_t> counts(const owner_table& owners) {
  std::map<std::string, std::int64_t> owned;
  for (const auto& owner : owners)
    if (owner) ++owned[*owner];
  return owned;
}

/// What a round of plans did: shards released and acquired in all.
struct moves {
  int released = 0;
  int acquired = 0;
};

/// Lets every member plan and act in turn (a release frees the shard at once) until nobody
/// moves; fails after 10 rounds.
moves settle(owner_table& owners, const std::vector<std::string>& members) {
  moves done;
  for (int round = 0; round < 10; ++round) {
    bool moved = false;
    for (const auto& self : members) {
      auto plan = plan_shards({self, members, owners, {}});
      for (auto shard : plan.release) owners[shard].reset();
      for (auto shard : plan.acquire) owners[shard] = self;
      done.released += int(plan.release.size());
      done.acquired += int(plan.acquire.size());
      moved = moved || !plan.release.empty() || !plan.acquire.empty();
    }
    if (!moved) return done;
  }
  BOOST_FAIL("the plans did not settle in 10 rounds");
  return done;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cluster_plan_suite)

BOOST_DATA_TEST_CASE(targets_are_even_and_the_first_names_get_the_rest,
                     boost::unit_test::data::xrange(1, 6) *
                         boost::unit_test::data::make({1, 7, 64}),
                     members, shards) {
  auto targets = spread(names(members), shards);
  BOOST_REQUIRE(targets.size() == std::size_t(members));
  std::int64_t sum = 0;
  for (int i = 0; i < members; ++i) {
    BOOST_TEST(targets[i].first == "n" + std::to_string(i + 1));
    BOOST_TEST(targets[i].second == shards / members + (i < shards % members ? 1 : 0));
    sum += targets[i].second;
  }
  BOOST_TEST(sum == shards);
}

BOOST_DATA_TEST_CASE(empty_cluster_settles_on_the_targets_without_releases,
                     boost::unit_test::data::xrange(1, 6) *
                         boost::unit_test::data::make({1, 7, 64}),
                     members, shards) {
  owner_table owners(shards);
  auto done = settle(owners, names(members));
  BOOST_TEST(done.released == 0);
  BOOST_TEST(done.acquired == shards);
  auto owned = counts(owners);
  for (const auto& [name, target] : spread(names(members), shards))
    BOOST_TEST(owned[name] == target, name);
}

BOOST_AUTO_TEST_CASE(no_members_have_no_targets) {
  BOOST_TEST(spread({}, 64).empty());
}

BOOST_AUTO_TEST_CASE(free_shards_are_acquired_lowest_first_up_to_the_target) {
  owner_table owners(7);
  owners[0] = "n2";
  auto plan = plan_shards({"n1", {"n1", "n2"}, owners, {}});
  BOOST_TEST(plan.acquire == (std::vector<std::int64_t>{1, 2, 3, 4}));
  BOOST_TEST(plan.release.empty());
}

BOOST_AUTO_TEST_CASE(a_joining_member_gets_shards_with_the_fewest_moves) {
  owner_table owners(64);
  for (int s = 0; s < 64; ++s) owners[s] = s < 32 ? "n1" : "n2";
  auto first = plan_shards({"n1", {"n1", "n2", "n3"}, owners, {}});
  BOOST_TEST(first.release.size() == 10u);  // targets 22, 21, 21
  BOOST_TEST(first.release.front() == 31);  // highest own shard first
  BOOST_TEST(first.acquire.empty());
  auto done = settle(owners, {"n1", "n2", "n3"});
  BOOST_TEST(done.released == 21);
  BOOST_TEST(done.acquired == 21);
  auto owned = counts(owners);
  BOOST_TEST(owned["n1"] == 22);
  BOOST_TEST(owned["n2"] == 21);
  BOOST_TEST(owned["n3"] == 21);
}

BOOST_AUTO_TEST_CASE(a_departed_members_shards_are_taken_without_releases) {
  owner_table owners(64);
  for (int s = 0; s < 64; ++s) owners[s] = "n" + std::to_string(s % 3 + 1);
  for (auto& owner : owners)
    if (owner == "n2") owner.reset();  // its leases expired
  auto done = settle(owners, {"n1", "n3"});
  BOOST_TEST(done.released == 0);
  BOOST_TEST(done.acquired == 21);
  auto owned = counts(owners);
  BOOST_TEST(owned["n1"] == 32);
  BOOST_TEST(owned["n3"] == 32);
}

BOOST_AUTO_TEST_CASE(releases_happen_only_over_target_while_a_live_member_is_short) {
  owner_table owners(8);
  for (int s = 0; s < 8; ++s) owners[s] = s < 4 ? "n1" : "n2";
  BOOST_TEST(plan_shards({"n1", {"n1", "n2"}, owners, {}}).release.empty(), "at target");
  for (int s = 0; s < 8; ++s) owners[s] = s < 6 ? "n1" : "n9";  // n9 is down, leases valid
  BOOST_TEST(plan_shards({"n1", {"n1"}, owners, {}}).release.empty(), "nobody short");
  auto plan = plan_shards({"n1", {"n1", "n2"}, owners, {}});
  BOOST_TEST(plan.release == (std::vector<std::int64_t>{5, 4}));
  BOOST_TEST(plan.acquire.empty());
}

BOOST_AUTO_TEST_CASE(shards_being_released_are_not_released_twice) {
  owner_table owners(8, std::optional<std::string>("n1"));
  auto first = plan_shards({"n1", {"n1", "n2"}, owners, {}});
  BOOST_TEST(first.release == (std::vector<std::int64_t>{7, 6, 5, 4}));
  auto again = plan_shards({"n1", {"n1", "n2"}, owners, {7, 6}});
  BOOST_TEST(again.release == (std::vector<std::int64_t>{5, 4}));
  auto done = plan_shards({"n1", {"n1", "n2"}, owners, {7, 6, 5, 4}});
  BOOST_TEST(done.release.empty());
  BOOST_TEST(done.acquire.empty());
}

BOOST_AUTO_TEST_CASE(self_counts_even_when_missing_from_the_members) {
  auto plan = plan_shards({"n1", {}, owner_table(3), {}});
  BOOST_TEST(plan.targets.size() == 1u);
  BOOST_TEST(plan.acquire == (std::vector<std::int64_t>{0, 1, 2}));
}

BOOST_AUTO_TEST_CASE(member_status_follows_the_heartbeat_age) {
  cluster_settings s;  // heartbeat 500, lease 2000
  BOOST_TEST(to_string(member_status_of(milliseconds(0), false, s)) == "up");
  BOOST_TEST(to_string(member_status_of(milliseconds(1000), false, s)) == "up");
  BOOST_TEST(to_string(member_status_of(milliseconds(1001), false, s)) == "suspect");
  BOOST_TEST(to_string(member_status_of(milliseconds(2000), false, s)) == "suspect");
  BOOST_TEST(to_string(member_status_of(milliseconds(2001), false, s)) == "down");
  BOOST_TEST(to_string(member_status_of(milliseconds(0), true, s)) == "down");
  BOOST_TEST(to_string(member_status::suspect) == "suspect");
  BOOST_TEST(is_live(member_status::suspect));
  BOOST_TEST(!is_live(member_status::down));
}

BOOST_AUTO_TEST_SUITE_END()
