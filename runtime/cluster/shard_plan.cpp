#include "runtime/cluster/shard_plan.hpp"

#include <algorithm>
#include <map>

namespace auraos::runtime::cluster {
namespace {

bool contains(const std::vector<std::int64_t>& shards, std::int64_t shard) {
  return std::find(shards.begin(), shards.end(), shard) != shards.end();
}

/// How many shards each member owns; a shard `self` is releasing counts for nobody.
std::map<std::string, std::int64_t> owned_counts(const plan_input& input) {
  std::map<std::string, std::int64_t> owned;
  for (std::size_t shard = 0; shard < input.owners.size(); ++shard) {
    const auto& owner = input.owners[shard];
    if (owner && !(*owner == input.self && contains(input.releasing, std::int64_t(shard))))
      ++owned[*owner];
  }
  return owned;
}

/// Shards nobody owns (or whose lease expired), lowest first.
std::vector<std::int64_t> free_shards(const plan_input& input) {
  std::vector<std::int64_t> free;
  for (std::size_t shard = 0; shard < input.owners.size(); ++shard)
    if (!input.owners[shard]) free.push_back(std::int64_t(shard));
  return free;
}

/// Shards `self` owns and is not releasing, highest first.
std::vector<std::int64_t> own_shards(const plan_input& input) {
  std::vector<std::int64_t> own;
  for (auto shard = std::int64_t(input.owners.size()) - 1; shard >= 0; --shard)
    if (input.owners[shard] == input.self && !contains(input.releasing, shard))
      own.push_back(shard);
  return own;
}

}  // namespace

std::vector<std::pair<std::string, std::int64_t>> spread(std::vector<std::string> members,
                                                         std::int64_t shards) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::vector<std::pair<std::string, std::int64_t>> targets;
  const auto n = std::int64_t(members.size());
  for (std::int64_t i = 0; i < n; ++i)
    targets.emplace_back(members[i], shards / n + (i < shards % n ? 1 : 0));
  return targets;
}

shard_plan plan_shards(const plan_input& input) {
  auto members = input.members;
  members.push_back(input.self);
  shard_plan plan;
  plan.targets = spread(members, std::int64_t(input.owners.size()));
  auto owned = owned_counts(input);
  auto free = free_shards(input);
  std::int64_t own_target = 0;
  std::int64_t others_short = 0;
  for (const auto& [name, target] : plan.targets) {
    if (name == input.self)
      own_target = target;
    else
      others_short += std::max<std::int64_t>(0, target - owned[name]);
  }
  const auto own = owned[input.self];
  auto wanted = std::min<std::int64_t>(std::max<std::int64_t>(0, own_target - own), free.size());
  plan.acquire.assign(free.begin(), free.begin() + wanted);
  // Free shards and those `self` is releasing already go to the short members first.
  const auto uncovered =
      others_short - std::int64_t(free.size()) - std::int64_t(input.releasing.size());
  const auto over = own - own_target;
  if (over > 0 && uncovered > 0) {
    auto mine = own_shards(input);
    plan.release.assign(mine.begin(), mine.begin() + std::min(over, uncovered));
  }
  return plan;
}

}  // namespace auraos::runtime::cluster
