// REST routes of events (docs/events.md): publish, list, read, correlations, and the signal of
// an execution; all ask the events service.

#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/owner_routing.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/event_body.hpp"
#include "gateway/event_params.hpp"
#include "gateway/json_body.hpp"
#include "gateway/pagination.hpp"
#include "runtime/events/correlation_tree.hpp"
#include "runtime/events/event_json.hpp"
#include "runtime/events/input_error.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

namespace ae = actors::events;
namespace ev = runtime::events;
using ctx = std::shared_ptr<node_context>;

nlohmann::json events_json(const std::vector<ev::event>& events) {
  auto items = nlohmann::json::array();
  for (const auto& e : events) items.push_back(ev::event_json(e));
  return items;
}

http_response failure_response(const ae::event_failure& failure) {
  return error_response(execution_api_error(failure));
}

void publish(const ctx& node, const http_request& request, responder respond) {
  auto events = published_events(request);
  if (!events) return void(respond(error_response(events.error())));
  if (events->empty()) return void(respond(json_response(201, {{"items", nlohmann::json::array()}})));
  detail::ask<ae::publish_reply>(
      node->system(), node->events(), std::move(respond),
      [](ae::publish_reply& reply) {
        if (!reply) return failure_response(reply.error());
        return json_response(201, {{"items", events_json(*reply)}});
      },
      ae::publish_atom::value, ae::publish_request{std::move(*events)});
}

void list(const ctx& node, const http_request& request, responder respond) {
  auto params = parse_event_params(request);
  if (!params) return void(respond(error_response(params.error())));
  // Event cursors are the store's; a malformed one comes back `invalid` and is named below.
  auto page = parse_page_request(request, default_page_limit, cursor_kind::opaque);
  if (!page) return void(respond(error_response(page.error())));
  ae::event_query query;
  query.filter = store_filter(params->filter);
  query.where = params->where;
  query.page.limit = page->limit;
  if (!page->position.empty()) query.page.cursor = page->position;
  bool has_cursor = query.page.cursor.has_value();
  detail::ask<ae::event_page_reply>(
      node->system(), node->events(), std::move(respond),
      [has_cursor](ae::event_page_reply& reply) {
        if (reply) return page_response(events_json(reply->items), reply->next_cursor);
        auto error = execution_api_error(reply.error());
        if (error.code == errc::invalid && has_cursor)
          error.message = "query parameter 'cursor' is not a valid cursor (" + error.message + ")";
        return error_response(error);
      },
      std::move(query));
}

void get_event(const ctx& node, const path_params& params, responder respond) {
  detail::ask<ae::event_reply>(
      node->system(), node->events(), std::move(respond),
      [](ae::event_reply& reply) {
        if (!reply) return failure_response(reply.error());
        return json_response(200, ev::event_json(*reply));
      },
      caf::get_atom::value, params.at("id"));
}

void correlation(const ctx& node, const path_params& params, responder respond) {
  auto id = params.at("correlationId");
  detail::ask<ae::event_list_reply>(
      node->system(), node->events(), std::move(respond),
      [id](ae::event_list_reply& reply) {
        if (!reply) return failure_response(reply.error());
        return json_response(200, {{"correlationId", id},
                                   {"events", events_json(*reply)},
                                   {"tree", ev::correlation_tree_json(ev::correlation_tree(*reply))}});
      },
      ae::correlation_atom::value, id);
}

/// `{"name", "data"}` of a signal; 400 for malformed JSON, 422 naming a bad field.
result<ae::signal_request, api_error> signal_body(const http_request& request,
                                                  const std::string& execution_id) {
  auto body = parse_json_body(request.body.empty() ? std::string_view{"{}"} : request.body);
  if (!body) return fail(body.error());
  std::vector<std::string> problems;
  ev::field_reader reader{*body, "", problems};
  ae::signal_request signal;
  signal.execution_id = execution_id;
  if (!body->is_object()) {
    reader.problem("", "must be an object {\"name\", \"data\"}");
  } else {
    signal.name = reader.name("name");
    signal.data = reader.json_text("data", "{}", false);
    for (const auto& item : body->items())
      if (item.key() != "name" && item.key() != "data")
        reader.problem(item.key(), "is not a field of a signal (name, data)");
  }
  if (problems.empty()) return signal;
  auto invalid = ev::input_problems(std::move(problems));
  auto error = make_error(errc::invalid_input, invalid.message);
  error.details = std::make_shared<const nlohmann::json>(invalid.details);
  return fail(std::move(error));
}

void signal(const ctx& node, const http_request& request, const path_params& params,
            responder respond) {
  auto body = signal_body(request, params.at("id"));
  if (!body) return void(respond(error_response(body.error())));
  detail::ask<ae::event_reply>(
      node->system(), node->events(), std::move(respond),
      [](ae::event_reply& reply) {
        if (!reply) return failure_response(reply.error());
        return json_response(202, {{"eventId", reply->id}});
      },
      ae::signal_atom::value, std::move(*body));
}

}  // namespace

void add_event_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("POST", "/api/v1/events", [node](const auto& request, const auto&, responder r) {
    publish(node, request, std::move(r));
  });
  routes.add("GET", "/api/v1/events", [node](const auto& request, const auto&, responder r) {
    list(node, request, std::move(r));
  });
  add_event_stream_routes(routes, node);  // before /events/{id}, which would match it
  add_event_metrics_routes(routes, node);  // likewise
  add_event_retention_routes(routes, node);
  routes.add("GET", "/api/v1/events/correlations/{correlationId}",
             [node](const auto&, const auto& params, responder r) {
               correlation(node, params, std::move(r));
             });
  routes.add("GET", "/api/v1/events/{id}", [node](const auto&, const auto& params, responder r) {
    get_event(node, params, std::move(r));
  });
  // Answered by the execution's owner (in a cluster it checks the execution it runs).
  routes.add("POST", "/api/v1/executions/{id}/signal",
             owned_route(node, [node](const auto& request, const auto& params, responder r) {
               signal(node, request, params, std::move(r));
             }));
}

}  // namespace auraos::gateway
