// GET /api/v1/stream: the node's live updates as Server-Sent Events (docs/rest-api.md).

#include <chrono>
#include <memory>

#include <fmt/format.h>
#include <caf/event_based_actor.hpp>
#include <nlohmann/json.hpp>

#include "actors/supervision/supervisor.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/cluster_json.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/sse.hpp"
#include "gateway/stream_query.hpp"
#include "gateway/supervision_feed.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

namespace sv = runtime::supervision;
using ctx = std::shared_ptr<node_context>;

/// Messages a subscriber may have waiting before it is dropped as fallen behind.
constexpr std::size_t live_queue_limit = 10000;
/// How long a new stream waits for the supervision tree it starts with.
constexpr std::chrono::seconds first_tree_wait{2};

stream_chunk hello_message(const node_context& node, const live_filter& filter) {
  nlohmann::json data{{"node", node.node_name()},
                      {"topics", topic_names(filter)},
                      {"execution", filter.execution ? nlohmann::json(*filter.execution)
                                                     : nlohmann::json(nullptr)}};
  return std::make_shared<const std::string>(sse_event("hello", runtime::dump_json(data)));
}

/// After hello: the tree (when asked for), the cluster (when asked for), then live messages.
void start_feed(const ctx& node, std::shared_ptr<stream_writer> writer, live_filter filter) {
  detail::spawn_asker(node->system(), [node, writer, filter](caf::event_based_actor* self) {
    auto follow = [node, writer, filter] {
      if (filter.cluster) writer->push(cluster_message(*node->cluster().board->snapshot()));
      node->live()->subscribe(filter, writer);
    };
    auto root = node->root();
    if (!filter.supervision || !root) return follow();
    self->request(root, first_tree_wait, actors::supervision::tree_atom::value)
        .then(
            [writer, follow](sv::supervision_tree_node& tree) {
              writer->push(supervision_message(tree));
              follow();
            },
            [follow](caf::error&) { follow(); });
  });
}

void open_stream(const ctx& node, const http_request& request, const responder& respond) {
  auto filter = parse_stream_filter(request);
  if (!filter) return void(respond(error_response(filter.error())));
  auto writer = open_sse_stream(respond, live_queue_limit);
  if (!writer) return;
  writer->push(hello_message(*node, *filter));
  start_feed(node, std::move(writer), std::move(*filter));
}

}  // namespace

void add_stream_routes(router& routes, std::shared_ptr<node_context> node) {
  node->live()->set_overflow_message(sse_event(
      "overflow", runtime::dump_json(nlohmann::json{
                      {"reason", fmt::format("the client fell behind: {} messages were waiting",
                                             live_queue_limit)}})));
  routes.add("GET", "/api/v1/stream",
             [node](const http_request& request, const path_params&, responder r) {
               open_stream(node, request, r);
             });
}

}  // namespace auraos::gateway
