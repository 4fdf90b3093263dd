#include "persistence/shards.hpp"

namespace auraos::persistence {

std::int64_t shard_of(std::string_view id, std::int64_t shards) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(hash % static_cast<std::uint64_t>(shards));
}

std::int64_t row_shard(std::string_view id, const std::optional<fence>& lease,
                       std::int64_t shards) {
  return lease ? lease->shard : shard_of(id, shards);
}

std::optional<fence> held_leases::fence_for(std::string_view id) const {
  if (epochs.empty()) return std::nullopt;
  auto shard = shard_of(id, static_cast<std::int64_t>(epochs.size()));
  auto epoch = epochs[static_cast<std::size_t>(shard)];
  if (epoch == 0) return std::nullopt;
  return fence{shard, epoch};
}

write_request acquire_all_shards(const std::string& owner, std::int64_t shards) {
  write_request request;
  request.wait_for_database = true;
  for (std::int64_t shard = 0; shard < shards; ++shard)
    request.ops.emplace_back(acquire_shard_op{shard, owner});
  return request;
}

std::optional<held_leases> leases_from(const std::vector<op_result>& results) {
  held_leases held;
  held.epochs.assign(results.size(), 0);
  for (const auto& result : results) {
    const auto* lease = std::get_if<shard_lease>(&result);
    if (!lease || lease->shard < 0 || lease->shard >= static_cast<std::int64_t>(results.size()))
      return std::nullopt;
    held.epochs[static_cast<std::size_t>(lease->shard)] = lease->epoch;
  }
  return held;
}

}  // namespace auraos::persistence
