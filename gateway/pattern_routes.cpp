// REST routes of pattern rules (docs/event-patterns.md, "REST"): create, list, read, replace,
// delete; all ask the pattern service (`event-patterns`, under the events service).

#include <caf/actor_cast.hpp>
#include <caf/actor_registry.hpp>
#include <nlohmann/json.hpp>

#include "actors/events/pattern_service.hpp"
#include "actors/events/pattern_wire.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/owner_routing.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/pagination.hpp"
#include "gateway/pattern_body.hpp"

namespace auraos::gateway {
namespace {

namespace ae = actors::events;
using ctx = std::shared_ptr<node_context>;

caf::actor patterns(const ctx& node) {
  return caf::actor_cast<caf::actor>(
      node->system().registry().get(ae::patterns_registry_name));
}

/// The answer of one rule with `status`, or the refusal.
auto one(int status) {
  return [status](ae::pattern_reply& reply) {
    if (!reply) return error_response(execution_api_error(reply.error()));
    if (status == 204) {
      http_response response;
      response.status = 204;
      return response;
    }
    return json_response(status, pattern_json(*reply));
  };
}

void put(const ctx& node, const http_request& request, std::optional<std::string> id,
         responder respond) {
  auto body = pattern_body(request, id);
  if (!body) return void(respond(error_response(body.error())));
  detail::ask<ae::pattern_reply>(node->system(), patterns(node), std::move(respond),
                                 one(id ? 200 : 201), std::move(*body));
}

void list(const ctx& node, const http_request& request, responder respond) {
  auto page = parse_page_request(request);
  if (!page) return void(respond(error_response(page.error())));
  ae::pattern_list query;
  query.page.limit = page->limit;
  if (!page->position.empty()) query.page.cursor = page->position;
  detail::ask<ae::pattern_page_reply>(
      node->system(), patterns(node), std::move(respond),
      [](ae::pattern_page_reply& reply) {
        if (!reply) return error_response(execution_api_error(reply.error()));
        auto items = nlohmann::json::array();
        for (const auto& info : reply->items) items.push_back(pattern_json(info));
        return page_response(items, reply->next_cursor);
      },
      std::move(query));
}

}  // namespace

void add_pattern_routes(router& routes, std::shared_ptr<node_context> node) {
  // In a cluster the rules run on the events coordinator: their calls go there.
  auto add = [&](const char* method, const char* path, route_handler handler) {
    routes.add(method, path, coordinator_route(node, std::move(handler)));
  };
  add("POST", "/api/v1/event-patterns", [node](const auto& request, const auto&, responder r) {
    put(node, request, std::nullopt, std::move(r));
  });
  add("GET", "/api/v1/event-patterns", [node](const auto& request, const auto&, responder r) {
    list(node, request, std::move(r));
  });
  add("GET", "/api/v1/event-patterns/{id}", [node](const auto&, const auto& params, responder r) {
    detail::ask<ae::pattern_reply>(node->system(), patterns(node), std::move(r), one(200),
                                   ae::pattern_get{params.at("id")});
  });
  add("PUT", "/api/v1/event-patterns/{id}",
      [node](const auto& request, const auto& params, responder r) {
        put(node, request, params.at("id"), std::move(r));
      });
  add("DELETE", "/api/v1/event-patterns/{id}",
      [node](const auto&, const auto& params, responder r) {
        detail::ask<ae::pattern_reply>(node->system(), patterns(node), std::move(r), one(204),
                                       ae::pattern_delete{params.at("id")});
      });
}

}  // namespace auraos::gateway
