// The cluster board tells its listener about membership and ownership changes, not heartbeats.
#include <boost/test/unit_test.hpp>

#include "cluster/cluster_board.hpp"

namespace c = auraos::cluster;

namespace {

c::cluster_snapshot two_members() {
  c::cluster_snapshot view;
  view.self = "a";
  view.shards = 2;
  view.clustered = true;
  view.nodes = {{"a", 1, "h:1", "h:2", "up", 100, 1, 10}, {"b", 1, "h:3", "h:4", "up", 100, 1, 10}};
  view.leases = {{0, "a", 1, 5000, true}, {1, "b", 1, 5000, true}};
  return view;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cluster_board)

BOOST_AUTO_TEST_CASE(the_listener_hears_of_membership_and_ownership_changes_only) {
  c::cluster_board board;
  int changes = 0;
  board.on_change([&](const c::cluster_snapshot&) { ++changes; });
  auto view = two_members();
  board.publish(view);
  BOOST_TEST(changes == 1);  // from the empty board
  view.nodes[0].last_heartbeat_at_ms = 200;
  view.leases[0].expires_at_ms = 9000;
  board.publish(view);
  BOOST_TEST(changes == 1);  // heartbeats and lease renewals alone
  view.nodes[1].status = "suspect";
  board.publish(view);
  BOOST_TEST(changes == 2);
  view.leases[1].owner = "a";
  board.publish(view);
  BOOST_TEST(changes == 3);
  view.nodes.pop_back();
  board.publish(view);
  BOOST_TEST(changes == 4);
  BOOST_TEST(board.snapshot()->nodes.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
