#include "cluster/cluster_board.hpp"

#include <algorithm>
#include <utility>

namespace auraos::cluster {

namespace {

bool same_member(const member_entry& a, const member_entry& b) {
  return a.name == b.name && a.incarnation == b.incarnation &&
         a.cluster_address == b.cluster_address && a.http_address == b.http_address &&
         a.status == b.status && a.shard_count == b.shard_count;
}

bool same_owner(const shard_entry& a, const shard_entry& b) {
  return a.shard == b.shard && a.owner == b.owner && a.valid == b.valid;
}

bool same_move(const std::optional<shard_move>& a, const std::optional<shard_move>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return a->shard == b->shard && a->from == b->from && a->to == b->to && a->at_ms == b->at_ms;
}

}  // namespace

bool same_membership_and_ownership(const cluster_snapshot& a, const cluster_snapshot& b) {
  return a.self == b.self && a.shards == b.shards && a.moves_in_progress == b.moves_in_progress &&
         std::equal(a.nodes.begin(), a.nodes.end(), b.nodes.begin(), b.nodes.end(), same_member) &&
         std::equal(a.leases.begin(), a.leases.end(), b.leases.begin(), b.leases.end(),
                    same_owner) &&
         same_move(a.last_move, b.last_move);
}

void cluster_board::publish(cluster_snapshot snapshot) {
  auto next = std::make_shared<const cluster_snapshot>(std::move(snapshot));
  std::shared_ptr<const cluster_snapshot> previous;
  std::function<void(const cluster_snapshot&)> listener;
  {
    std::lock_guard lock(mutex_);
    previous = std::exchange(snapshot_, next);
    listener = listener_;
  }
  if (listener && !same_membership_and_ownership(*previous, *next)) listener(*next);
}

void cluster_board::on_change(std::function<void(const cluster_snapshot&)> listener) {
  std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
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
