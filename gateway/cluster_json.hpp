#pragma once
// The REST shapes of the cluster (GET /api/v1/cluster and /api/v1/cluster/shards).

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cluster/cluster_board.hpp"
#include "gateway/stream_writer.hpp"

namespace auraos::gateway {

/// `{self, shards, nodes: [...], moves: {inProgress, last}}`: the body of GET /api/v1/cluster.
nlohmann::json cluster_overview_json(const cluster::cluster_snapshot& view);

/// `{shard, owner, epoch, expiresAt}`: one row of GET /api/v1/cluster/shards.
nlohmann::json shard_json(std::int64_t shard, const std::string& owner, std::int64_t epoch,
                          std::optional<std::int64_t> expires_at_ms);

/// The `cluster` message of the live stream: its data is cluster_overview_json(view).
stream_chunk cluster_message(const cluster::cluster_snapshot& view);

}  // namespace auraos::gateway
