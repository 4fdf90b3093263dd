// GET /api/v1/cluster and /api/v1/cluster/shards: the cluster as this node sees it (a node
// alone shows itself with every shard).
#include <memory>

#include <caf/event_based_actor.hpp>
#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/cluster_json.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/resource_json.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
using ctx = std::shared_ptr<node_context>;
using nlohmann::json;

void cluster_overview(const ctx& node, responder respond) {
  respond(json_response(200, cluster_overview_json(*node->cluster().board->snapshot())));
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
