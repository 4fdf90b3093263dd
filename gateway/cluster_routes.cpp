// GET /api/v1/cluster and /api/v1/cluster/shards: the cluster as this node sees it (a node
// alone shows itself with every shard).
#include <memory>

#include <caf/event_based_actor.hpp>
#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/engine/time_text.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
using ctx = std::shared_ptr<node_context>;
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

void cluster_overview(const ctx& node, responder respond) {
  auto view = node->cluster().board->snapshot();
  auto nodes = json::array();
  for (const auto& m : view->nodes) nodes.push_back(member_json(m));
  json body = {
      {"self", view->self},
      {"shards", view->shards},
      {"nodes", std::move(nodes)},
      {"moves", {{"inProgress", view->moves_in_progress}, {"last", move_json(view->last_move)}}}};
  respond(json_response(200, body));
}

json shard_json(std::int64_t shard, const std::string& owner, std::int64_t epoch,
                std::optional<std::int64_t> expires_at_ms) {
  return {{"shard", shard},
          {"owner", text_or_null(owner)},
          {"epoch", epoch},
          {"expiresAt", time_or_null(expires_at_ms)}};
}

/// A node alone: its leases (which never expire) read from its store, shard by shard.
void single_node_shards(const ctx& node, std::int64_t shards, responder respond) {
  auto store = node->store();
  if (!store) return void(respond(detail::unavailable_response("the store is not running")));
  detail::spawn_asker(node->system(), [store, shards, respond](caf::event_based_actor* self) {
    auto rows = std::make_shared<std::vector<json>>(static_cast<std::size_t>(shards));
    auto left = std::make_shared<std::int64_t>(shards);
    auto failed = std::make_shared<bool>(false);
    for (std::int64_t shard = 0; shard < shards; ++shard)
      self->request(store, detail::ask_timeout, actors::store::shard_lease_query{shard})
          .then(
              [=](p::store_result<p::shard_lease>& lease) {
                auto& row = (*rows)[static_cast<std::size_t>(shard)];
                row = lease ? shard_json(shard, lease->owner, lease->epoch, std::nullopt)
                            : shard_json(shard, "", 0, std::nullopt);
                if (--*left == 0 && !*failed) respond(json_response(200, json(*rows)));
              },
              [=](caf::error& e) {
                if (std::exchange(*failed, true)) return;
                respond(detail::unavailable_response("no answer from the store: " +
                                                     self->system().render(e)));
              });
  });
}

void cluster_shards(const ctx& node, responder respond) {
  auto view = node->cluster().board->snapshot();
  if (!view->clustered) return single_node_shards(node, view->shards, std::move(respond));
  auto rows = json::array();
  for (const auto& l : view->leases)
    rows.push_back(shard_json(l.shard, l.owner, l.epoch, l.expires_at_ms));
  respond(json_response(200, rows));
}

}  // namespace

void add_cluster_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/cluster", [node](const auto&, const auto&, responder r) {
    cluster_overview(node, std::move(r));
  });
  routes.add("GET", "/api/v1/cluster/shards",
             [node](const auto&, const auto&, responder r) { cluster_shards(node, std::move(r)); });
}

}  // namespace auraos::gateway
