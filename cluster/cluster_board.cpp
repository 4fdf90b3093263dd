#include "cluster/cluster_board.hpp"

namespace auraos::cluster {

void cluster_board::publish(cluster_snapshot snapshot) {
  auto next = std::make_shared<const cluster_snapshot>(std::move(snapshot));
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(next);
}

std::shared_ptr<const cluster_snapshot> cluster_board::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

std::optional<std::string> cluster_board::owner_of(std::int64_t shard) const {
  auto now = snapshot();
  if (shard < 0 || shard >= static_cast<std::int64_t>(now->leases.size())) return std::nullopt;
  const auto& lease = now->leases[static_cast<std::size_t>(shard)];
  if (!lease.valid) return std::nullopt;
  return lease.owner;
}

}  // namespace auraos::cluster
