#include "runtime/cluster/keeper_step.hpp"

#include <algorithm>

#include "runtime/cluster/member_status.hpp"
#include "runtime/cluster/shard_plan.hpp"

namespace auraos::runtime::cluster {
namespace {

bool contains(const std::vector<std::int64_t>& shards, std::int64_t shard) {
  return std::find(shards.begin(), shards.end(), shard) != shards.end();
}

/// The planner's view of the lease table: the owner of each shard whose lease is still valid.
std::vector<std::optional<std::string>> owners_of(const keeper_tick& tick) {
  std::vector<std::optional<std::string>> owners(std::max<std::int64_t>(0, tick.shards));
  for (const auto& lease : tick.leases) {
    bool valid = !lease.owner.empty() && (!lease.expires_in || lease.expires_in->count() > 0);
    if (valid && lease.shard >= 0 && lease.shard < tick.shards) owners[lease.shard] = lease.owner;
  }
  return owners;
}

std::vector<std::string> live_members(const keeper_tick& tick, const cluster_settings& settings) {
  std::vector<std::string> live;
  for (const auto& member : tick.members)
    if (is_live(member_status_of(member.heartbeat_age, member.left, settings)))
      live.push_back(member.name);
  return live;
}

}  // namespace

keeper_decision keeper_step(keeper_state& state, const keeper_tick& tick) {
  keeper_decision decision;
  const bool renewed = tick.heartbeat && tick.heartbeat->ok;
  if (renewed) state.clock.renewed(tick.heartbeat->started);
  const bool fenced = tick.heartbeat && tick.heartbeat->fenced;
  if (fenced || state.clock.expired(tick.now)) {
    decision.lost = true;
    decision.stop = tick.running;
    return decision;
  }
  if (!renewed) return decision;  // keep running until the clock says otherwise, move nothing
  for (auto shard : tick.running)
    if (!contains(tick.heartbeat->renewed, shard)) decision.stop.push_back(shard);
  auto plan = plan_shards({state.settings.node_name, live_members(tick, state.settings),
                           owners_of(tick), tick.releasing});
  for (auto shard : plan.acquire)
    if (!contains(decision.stop, shard)) decision.acquire.push_back(shard);
  auto allowed = state.budget.take(tick.now, std::int64_t(plan.release.size()));
  decision.release.assign(plan.release.begin(), plan.release.begin() + allowed);
  return decision;
}

}  // namespace auraos::runtime::cluster
