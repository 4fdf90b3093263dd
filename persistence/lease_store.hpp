#pragma once
// The lease store: which node owns each shard, under which epoch (the fencing token).

#include <cstdint>
#include <string>

#include "persistence/batch_store.hpp"

namespace auraos::persistence {

/// Durable shard leases: reads, and writes as lease_ops through `commit`.
class lease_store : public virtual batch_store {
 public:
  /// The current lease of a shard.
  virtual store_result<shard_lease> get_shard_lease(std::int64_t shard) = 0;

  /// Takes a shard and bumps its epoch.
  store_result<shard_lease> acquire_shard(std::int64_t shard, const std::string& owner);
};

}  // namespace auraos::persistence
