// ApiCall envelopes answered by the node's routes, and event subscriptions over the stream
// route, for programs connected through the middleman.

#include "gateway/api_endpoint.hpp"

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/io/middleman.hpp>
#include <caf/send.hpp>
#include <caf/stateful_actor.hpp>
#include <fmt/format.h>

#include "gateway/api_error.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/api_subscription.hpp"
#include "gateway/detail/routed_promises.hpp"
#include "gateway/owner_routing.hpp"
#include "gateway/protobuf_codec.hpp"
#include "gateway/protobuf_routes.hpp"
#include "messages/api_endpoint.hpp"

namespace auraos::gateway {
namespace {

struct endpoint_state {
  endpoint_state() = default;  // never an aggregate: see CAF-NOTES.md
  std::shared_ptr<router> routes;
  detail::routed_promises<v1::ApiReply> waiting;
  static inline const char* name = "api-endpoint";
};

using endpoint = caf::stateful_actor<endpoint_state>;

/// The path of `route` with the call's parameters put in, or the error naming a missing one.
result<std::string, api_error> fill_path(const std::string& pattern,
                                          const google::protobuf::Map<std::string, std::string>& path) {
  std::string out;
  std::size_t at = 0;
  while (at < pattern.size()) {
    auto open = pattern.find('{', at);
    if (open == std::string::npos) {
      out.append(pattern, at);
      break;
    }
    auto close = pattern.find('}', open);
    out.append(pattern, at, open - at);
    auto name = pattern.substr(open + 1, close - open - 1);
    auto value = path.find(name);
    if (value == path.end() || value->second.empty())
      return fail(make_error(errc::invalid, fmt::format("path parameter '{}' is missing", name)));
    out += percent_encode(value->second);
    at = close + 1;
  }
  return out;
}

/// The REST request of `call`, asking for Protobuf both ways, or why there is none (as the HTTP
/// server, a body above `max_body` is refused).
result<http_request, api_error> request_of(const v1::ApiCall& call, std::size_t max_body) {
  if (call.body().size() > max_body)
    return fail(make_error(errc::payload_too_large,
                           fmt::format("request body exceeds the limit of {} bytes", max_body)));
  const auto* forms = find_protobuf_operation(call.operation());
  if (!forms)
    return fail(make_error(errc::not_found,
                           fmt::format("operation: no operation is named '{}'", call.operation())));
  auto path = fill_path(forms->route.pattern, call.path());
  if (!path) return fail(path.error());
  http_request out;
  out.method = forms->route.method;
  out.path = std::move(*path);
  out.query.insert(call.query().begin(), call.query().end());
  out.target = target_of(out.path, out.query);
  for (const auto& [name, value] : call.headers()) out.headers.set(name, value);
  out.headers.set("Accept", protobuf_media_type);
  if (!call.body().empty()) out.headers.set("Content-Type", protobuf_media_type);
  out.body = call.body();
  out.peer = "actor-api";
  return out;
}

v1::ApiReply reply_of(http_response response, const std::string& self_name) {
  v1::ApiReply reply;
  reply.set_status(response.status);
  reply.set_message(response.headers.get("AuraOS-Message").value_or(""));
  reply.set_body(std::move(response.body));
  reply.set_node(response.headers.get(node_header).value_or(self_name));
  return reply;
}

/// Turns a routed answer into the reply, naming `self_name` when no other node answered.
auto replies_of(std::string self_name) {
  return [self_name](http_response response) { return reply_of(std::move(response), self_name); };
}

/// An error as the reply REST would give in Protobuf.
v1::ApiReply error_reply(const api_error& error, const std::string& self_name) {
  auto response = error_response(error);
  auto bytes = json_to_protobuf({"auraos.v1.Error"}, response.body);
  response.body = bytes ? std::move(*bytes) : std::string{};
  response.headers.set("AuraOS-Message", "auraos.v1.Error");
  return reply_of(std::move(response), self_name);
}

caf::behavior endpoint_behavior(endpoint* self, std::shared_ptr<node_context> node) {
  self->state.routes = make_api_router(node);
  return {
      [self, node](api::call_atom, const v1::ApiCall& call) {
        auto promise = self->make_response_promise<v1::ApiReply>();
        auto name = node->node_name();
        auto request = request_of(call, node->config().max_body_bytes);
        if (!request) {
          promise.deliver(error_reply(request.error(), name));
          return promise;
        }
        auto answer =
            self->state.waiting.keep(promise, caf::actor_cast<caf::actor>(self), replies_of(name));
        self->state.routes->dispatch(*request, responder(std::move(answer)));
        return promise;
      },
      [self, node](api::subscribe_atom, const v1::EventSubscription& subscription,
                   const caf::actor& subscriber) {
        auto promise = self->make_response_promise<v1::ApiReply>();
        auto me = caf::actor_cast<caf::actor>(self);
        auto answer = self->state.waiting.keep(promise, me, replies_of(node->node_name()));
        open_api_subscription(node, *self->state.routes, subscription, subscriber, me,
                              std::move(answer));
        return promise;
      },
      [self](detail::routed_answer_atom, std::uint64_t number, v1::ApiReply& reply) {
        self->state.waiting.deliver(number, reply);
      },
  };
}

}  // namespace

caf::expected<published_api> publish_api_endpoint(std::shared_ptr<node_context> node,
                                                  const std::string& host, std::uint16_t port) {
  auto& system = node->system();
  auto actor = system.spawn(endpoint_behavior, std::move(node));
  auto bound = system.middleman().publish(actor, port, host.c_str(), true);
  if (!bound) {
    caf::anon_send_exit(actor, caf::exit_reason::user_shutdown);
    return bound.error();
  }
  return published_api{actor, *bound};
}

}  // namespace auraos::gateway
