#pragma once
// The lease store: which node owns each shard, under which epoch (the fencing token).

#include <cstdint>
#include <optional>
#include <string>

#include "persistence/batch_store.hpp"

namespace auraos::persistence {

/// Durable shard leases: reads, and writes as lease_ops through `commit`.
class lease_store : public virtual batch_store {
 public:
  /// The current lease of a shard.
  virtual store_result<shard_lease> get_shard_lease(std::int64_t shard) = 0;

  /// The cluster's shard count (table cluster_meta): the stored one; when none is stored,
  /// `requested` (else 64) is stored first. Conflict, naming both, when `requested` differs
  /// from the stored count. New rows are then stored under shard_of(id, that count). Call it
  /// on open, before the store actor owns the store (it does not go through `commit`).
  virtual store_result<std::int64_t> ensure_shard_count(std::optional<std::int64_t> requested) = 0;
  /// The shard count new rows are stored under: the stored one when the store was opened or
  /// ensure_shard_count answered, else 64.
  virtual std::int64_t shard_count() const = 0;

  /// Takes a shard and bumps its epoch.
  store_result<shard_lease> acquire_shard(std::int64_t shard, const std::string& owner);
};

}  // namespace auraos::persistence
