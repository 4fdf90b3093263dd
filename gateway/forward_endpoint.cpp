// Forwarded calls answered through the node's own router, as if they had arrived over HTTP.
#include "gateway/forward_endpoint.hpp"

#include <caf/actor_cast.hpp>
#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/send.hpp>
#include <caf/stateful_actor.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/child_relay.hpp"
#include "gateway/detail/routed_promises.hpp"
#include "gateway/owner_routing.hpp"

namespace auraos::gateway {

namespace {

struct handler_state {
  handler_state() = default;
  std::shared_ptr<router> routes;
  detail::routed_promises<v1::ForwardReply> waiting;
  static inline const char* name = "forward-handler";
};

http_request request_of(const v1::ForwardRequest& call) {
  http_request out;
  out.method = call.method();
  out.target = call.target();
  auto question = out.target.find('?');
  out.path = out.target.substr(0, question);
  if (question != std::string::npos)
    out.query = parse_query(std::string_view(out.target).substr(question + 1))
                    .value_or(std::map<std::string, std::string>{});
  for (const auto& [name, value] : call.headers()) out.headers.set(name, value);
  out.headers.set(forwarded_header, "1");
  out.body = call.body();
  // The calling node checked the caller (nodes reach each other over mutual TLS only).
  out.from_peer = true;
  if (auto id = out.headers.get(caller_id_header)) {
    out.caller.authenticated = true;
    out.caller.user_id = *id;
    out.caller.user_name = out.headers.get(caller_name_header).value_or("");
    out.caller.role = out.headers.get(caller_role_header).value_or("");
    out.caller.token_id = out.headers.get(caller_token_header).value_or("");
  }
  return out;
}

caf::behavior handler(caf::stateful_actor<handler_state>* self,
                      std::shared_ptr<node_context> node) {
  self->state.routes = make_api_router(node);
  return {
      [self, node](cluster::forward_atom, const v1::ForwardRequest& call) {
        auto promise = self->make_response_promise<v1::ForwardReply>();
        if (call.kind() == child_end_kind) {
          take_child_end(self, node, call,
                         [promise](v1::ForwardReply reply) mutable { promise.deliver(reply); });
          return promise;
        }
        auto name = node->node_name();
        auto answer = self->state.waiting.keep(
            promise, caf::actor_cast<caf::actor>(self), [name](http_response response) {
              v1::ForwardReply reply;
              reply.set_status(response.status);
              reply.set_body(std::move(response.body));
              reply.set_node(response.headers.get(node_header).value_or(name));
              return reply;
            });
        self->state.routes->dispatch(request_of(call), responder(std::move(answer)));
        return promise;
      },
      [self](detail::routed_answer_atom, std::uint64_t number, v1::ForwardReply& reply) {
        self->state.waiting.deliver(number, reply);
      },
  };
}

}  // namespace

cluster::forward_handler spawn_forward_handler(std::shared_ptr<node_context> node) {
  auto& system = node->system();
  return caf::actor_cast<cluster::forward_handler>(system.spawn(handler, std::move(node)));
}

}  // namespace auraos::gateway
