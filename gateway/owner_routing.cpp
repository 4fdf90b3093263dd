// Routing by owner: local calls are stamped with this node's name, others forwarded.
#include "gateway/owner_routing.hpp"

#include <caf/event_based_actor.hpp>

#include "actors/executions/event_requests.hpp"
#include "cluster/peers.hpp"
#include "gateway/api_error.hpp"
#include "gateway/detail/ask.hpp"
#include "persistence/shards.hpp"

namespace auraos::gateway {

namespace {

/// The headers a forwarded call keeps.
constexpr const char* kept_headers[] = {"Idempotency-Key", "Content-Type"};

v1::ForwardRequest forward_request(const http_request& request, const std::string& id) {
  v1::ForwardRequest out;
  out.set_kind("http");
  out.set_execution_id(id);
  out.set_method(request.method);
  out.set_target(request.target);
  out.set_body(request.body);
  for (const char* name : kept_headers)
    if (auto value = request.headers.get(name)) (*out.mutable_headers())[name] = *value;
  if (request.caller.authenticated) {
    auto& headers = *out.mutable_headers();
    headers[caller_id_header] = request.caller.user_id;
    headers[caller_name_header] = request.caller.user_name;
    headers[caller_role_header] = request.caller.role;
    headers[caller_token_header] = request.caller.token_id;
  }
  return out;
}

http_response response_of(const v1::ForwardReply& reply) {
  http_response out;
  out.status = reply.status();
  out.body = reply.body();
  out.headers.set(node_header, reply.node());
  return out;
}

}  // namespace

responder stamped(responder respond, std::string name) {
  return responder([respond, name = std::move(name)](http_response response) {
    if (!response.headers.contains(node_header)) response.headers.set(node_header, name);
    respond(std::move(response));
  });
}

std::optional<std::string> creator_elsewhere(const node_context& node) {
  auto link = node.cluster();
  if (!link.board || !link.peers) return std::nullopt;
  auto view = link.board->snapshot();
  if (view->owned > 0) return std::nullopt;
  const cluster::member_entry* best = nullptr;
  for (const auto& member : view->nodes)
    if (member.name != view->self && member.status == "up" && member.shard_count > 0 &&
        (!best || member.shard_count > best->shard_count))
      best = &member;
  if (!best) return std::nullopt;
  return best->name;
}

route_handler creating_route(std::shared_ptr<node_context> node, route_handler local) {
  return [node, local](const http_request& request, const path_params& params, responder respond) {
    auto other =
        request.headers.contains(forwarded_header) ? std::nullopt : creator_elsewhere(*node);
    if (!other) return local(request, params, stamped(std::move(respond), node->node_name()));
    forward_call(node, *other, request, "", std::move(respond));
  };
}

std::optional<std::string> remote_owner(const node_context& node, const std::string& id) {
  auto link = node.cluster();
  if (!link.board || !link.peers) return std::nullopt;
  auto view = link.board->snapshot();
  if (view->shards <= 0) return std::nullopt;
  auto owner = link.board->owner_of(persistence::shard_of(id, view->shards));
  if (!owner || *owner == view->self) return std::nullopt;
  return owner;
}

route_handler owned_route(std::shared_ptr<node_context> node, route_handler local) {
  return [node, local](const http_request& request, const path_params& params, responder respond) {
    const auto& id = params.at("id");
    auto owner =
        request.headers.contains(forwarded_header) ? std::nullopt : remote_owner(*node, id);
    if (!owner) return local(request, params, stamped(std::move(respond), node->node_name()));
    forward_call(node, *owner, request, id, std::move(respond));
  };
}

route_handler coordinator_route(std::shared_ptr<node_context> node, route_handler local) {
  return [node, local](const http_request& request, const path_params& params, responder respond) {
    std::optional<std::string> owner;
    auto link = node->cluster();
    if (!request.headers.contains(forwarded_header) && link.board && link.peers) {
      auto view = link.board->snapshot();
      if (view->shards > 0) {
        owner = link.board->owner_of(actors::executions::event_coordinator_shard);
        if (owner && *owner == view->self) owner.reset();
      }
    }
    if (!owner) return local(request, params, stamped(std::move(respond), node->node_name()));
    forward_call(node, *owner, request, "", std::move(respond));
  };
}

void forward_call(const std::shared_ptr<node_context>& node, const std::string& owner,
                  const http_request& request, const std::string& id, responder respond) {
  auto link = node->cluster();
  link.board->count_forwarded();
  auto message = forward_request(request, id);
  // The peers actor answers within forwardTimeoutMs (or at once when the owner goes away).
  auto wait = link.forward_timeout + std::chrono::seconds(1);
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    self->request(link.peers, wait, cluster::forward_atom::value, owner, message)
        .then(
            [respond](cluster::forward_reply& reply) {
              if (!reply) return void(respond(detail::unavailable_response(reply.error().message)));
              respond(response_of(*reply));
            },
            [self, respond, owner](caf::error& error) {
              respond(detail::unavailable_response(
                  "node " + owner + " did not answer: " + self->system().render(error)));
            });
  });
}

}  // namespace auraos::gateway
