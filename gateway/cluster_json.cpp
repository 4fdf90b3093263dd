// The REST shapes of the cluster: the overview and the shard rows.

#include "gateway/cluster_json.hpp"

#include <nlohmann/json.hpp>

#include "gateway/sse.hpp"
#include "runtime/engine/time_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

using nlohmann::json;

json time_or_null(std::optional<std::int64_t> ms) {
  if (!ms) return nullptr;
  return runtime::engine::format_rfc3339_ms(*ms);
}

json text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

json member_json(const cluster::member_entry& m) {
  return {{"name", m.name},
          {"incarnation", m.incarnation},
          {"clusterAddress", text_or_null(m.cluster_address)},
          {"httpAddress", text_or_null(m.http_address)},
          {"status", m.status},
          {"lastHeartbeatAt", time_or_null(m.last_heartbeat_at_ms)},
          {"shardCount", m.shard_count},
          {"startedAt", time_or_null(m.started_at_ms)}};
}

json move_json(const std::optional<cluster::shard_move>& move) {
  if (!move) return nullptr;
  return {{"shard", move->shard},
          {"from", text_or_null(move->from)},
          {"to", text_or_null(move->to)},
          {"at", runtime::engine::format_rfc3339_ms(move->at_ms)},
          {"reason", move->reason}};
}

}  // namespace

json cluster_overview_json(const cluster::cluster_snapshot& view) {
  auto nodes = json::array();
  for (const auto& m : view.nodes) nodes.push_back(member_json(m));
  return {{"self", view.self},
          {"shards", view.shards},
          {"nodes", std::move(nodes)},
          {"moves", {{"inProgress", view.moves_in_progress}, {"last", move_json(view.last_move)}}}};
}

json shard_json(std::int64_t shard, const std::string& owner, std::int64_t epoch,
                std::optional<std::int64_t> expires_at_ms) {
  return {{"shard", shard},
          {"owner", text_or_null(owner)},
          {"epoch", epoch},
          {"expiresAt", time_or_null(expires_at_ms)}};
}

stream_chunk cluster_message(const cluster::cluster_snapshot& view) {
  return std::make_shared<const std::string>(
      sse_event("cluster", runtime::dump_json(cluster_overview_json(view))));
}

}  // namespace auraos::gateway
