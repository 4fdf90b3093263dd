#pragma once
// Shards: every execution belongs to shard `shard_of(id)`; a node writes a shard's data only
// under the lease epoch it acquired (the fence every such write carries).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "persistence/history_record.hpp"
#include "persistence/write_batch.hpp"

namespace auraos::persistence {

/// The number of shards of a cluster of one (spec/cluster.md: `--shards`, default 64).
inline constexpr std::int64_t default_shard_count = 64;

/// The shard of an id: 64-bit FNV-1a of its bytes, modulo `shards` (fixed: never change it).
std::int64_t shard_of(std::string_view id, std::int64_t shards = default_shard_count);

/// The shard a row about `id` is stored under: the fence's shard when the write carries one,
/// else shard_of(id, shards).
std::int64_t row_shard(std::string_view id, const std::optional<fence>& lease, std::int64_t shards);

/// The epochs one node holds, by shard (0: not held).
struct held_leases {
  std::vector<std::int64_t> epochs;  ///< Index: shard.

  /// The fence of a write about `id`: its shard and the epoch held; none when not held.
  std::optional<fence> fence_for(std::string_view id) const;
};

/// One request that acquires shards 0..shards-1 for `owner` (each epoch bumped).
write_request acquire_all_shards(const std::string& owner,
                                 std::int64_t shards = default_shard_count);

/// The leases an acquire_all_shards request answered; none when a result is not a lease.
std::optional<held_leases> leases_from(const std::vector<op_result>& results);

}  // namespace auraos::persistence
