// What the lease keeper publishes after each tick: members with their status and shard counts,
// every lease, and this node's moves.
#include <chrono>

#include "cluster/keeper_state.hpp"
#include "runtime/cluster/member_status.hpp"

namespace auraos::cluster::detail {

namespace {

namespace rc = runtime::cluster;

std::int64_t wall_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool valid(const persistence::cluster_lease& lease) {
  return !lease.owner.empty() && (!lease.expires_in_ms || *lease.expires_in_ms > 0);
}

rc::member_status status_of(const persistence::cluster_node& node,
                            const rc::cluster_settings& settings) {
  return rc::member_status_of(std::chrono::milliseconds(node.heartbeat_age_ms), node.left,
                              settings);
}

}  // namespace

std::vector<member_address> reachable_members(const keeper_actor_state& s) {
  std::vector<member_address> out;
  for (const auto& node : s.members)
    if (node.name != s.options.settings.node_name &&
        status_of(node, s.options.settings) != rc::member_status::down)
      out.push_back({node.name, node.cluster_address});
  return out;
}

void publish_snapshot(keeper_actor* self) {
  auto& s = self->state;
  cluster_snapshot snap;
  snap.self = s.options.settings.node_name;
  snap.incarnation = s.incarnation;
  snap.shards = s.options.membership.shards;
  snap.clustered = true;
  std::map<std::string, std::int64_t> owned_by;
  for (const auto& lease : s.leases) {
    shard_entry entry{lease.shard, lease.owner, lease.epoch, lease.expires_at_ms, valid(lease)};
    if (entry.valid) ++owned_by[lease.owner];
    snap.leases.push_back(std::move(entry));
  }
  auto now = wall_now_ms();
  for (const auto& node : s.members)
    snap.nodes.push_back({node.name, node.incarnation, node.cluster_address, node.http_address,
                          std::string(rc::to_string(status_of(node, s.options.settings))),
                          now - node.heartbeat_age_ms, owned_by[node.name], node.started_at_ms});
  snap.moves_in_progress = !s.releasing.empty();
  snap.last_move = s.last_move;
  snap.owned = static_cast<std::int64_t>(s.running.size());
  s.options.board->publish(std::move(snap));
}

}  // namespace auraos::cluster::detail
