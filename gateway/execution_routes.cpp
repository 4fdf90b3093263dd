// REST routes of executions: start through the executions service, lists from the store.

#include <charconv>

#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/execution_json.hpp"
#include "gateway/json_body.hpp"
#include "gateway/owner_routing.hpp"
#include "gateway/pagination.hpp"
#include "gateway/query_params.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
using ctx = std::shared_ptr<node_context>;
using actors::executions::execution_reply;

/// The longest Idempotency-Key accepted (as Stripe's).
constexpr std::size_t max_idempotency_key_bytes = 255;

// Answers a service reply with `status` and the execution's JSON, or the API error of its
// refusal.
auto reply_with(int status) {
  return [status](execution_reply& reply) {
    if (!reply) return error_response(execution_api_error(reply.error()));
    return json_response(status, execution_json(*reply));
  };
}

result<std::string, api_error> start_input(const http_request& request) {
  if (request.body.empty()) return std::string{"null"};
  auto body = parse_json_body(request.body);
  if (!body) return fail(body.error());
  if (!body->is_object())
    return fail(make_error(errc::invalid, "the body must be an object {\"input\": ...}"));
  for (const auto& item : body->items())
    if (item.key() != "input")
      return fail(make_error(errc::invalid, "unknown field '" + item.key() +
                                                "' in the body: it takes only {\"input\": ...}"));
  auto input = body->find("input");
  return input == body->end() ? std::string{"null"} : runtime::dump_json(*input);
}

void start_execution(const ctx& node, const http_request& request, const path_params& params,
                     responder respond) {
  auto input = start_input(request);
  if (!input) return void(respond(error_response(input.error())));
  actors::executions::start_execution_command command;
  command.workflow_id = params.at("id");
  command.input_json = std::move(*input);
  command.idempotency_key = request.headers.get("Idempotency-Key").value_or("");
  if (request.caller.authenticated) command.created_by = request.caller.user_id;
  if (!runtime::is_valid_utf8(command.idempotency_key))
    return void(respond(
        error_response(make_error(errc::invalid, "header Idempotency-Key is not valid UTF-8"))));
  if (command.idempotency_key.size() > max_idempotency_key_bytes)
    return void(respond(error_response(
        make_error(errc::invalid, "header Idempotency-Key is longer than " +
                                      std::to_string(max_idempotency_key_bytes) + " bytes"))));
  detail::ask<execution_reply>(node->system(), node->executions(), std::move(respond),
                               reply_with(202), command);
}

result<actors::store::list_executions_query, api_error> list_query(const http_request& request) {
  auto order = order_param(request);
  if (!order) return fail(order.error());
  // A cursor is valid only with the order that made it.
  auto newest = *order == p::list_order::newest_first;
  auto page = parse_page_request(request, default_page_limit,
                                 newest ? cursor_kind::newest_keyset : cursor_kind::keyset);
  if (!page) return fail(page.error());
  actors::store::list_executions_query query;
  query.filter.order = *order;
  query.filter.workflow_id = request.query_param("workflowId");
  if (auto status = request.query_param("status")) {
    auto parsed = p::parse_execution_status(*status);
    if (!parsed)
      return fail(
          make_error(errc::invalid, "status: '" + *status + "' is not an execution status"));
    query.filter.status = *parsed;
  }
  auto after = time_param(request, "startedAfter");
  if (!after) return fail(after.error());
  auto before = time_param(request, "startedBefore");
  if (!before) return fail(before.error());
  query.filter.created_from = *after;
  query.filter.created_before = *before;
  query.page.limit = page->limit;
  if (!page->position.empty()) query.page.cursor = page->position;
  return query;
}

void list_executions(const ctx& node, const http_request& request, responder respond) {
  auto query = list_query(request);
  if (!query) return void(respond(error_response(query.error())));
  detail::ask<p::store_result<p::page<p::execution_record>>>(
      node->system(), node->store(), std::move(respond),
      [](p::store_result<p::page<p::execution_record>>& found) {
        if (!found) return error_response(store_api_error(found.error()));
        auto items = nlohmann::json::array();
        for (const auto& record : found->items) items.push_back(execution_summary_json(record));
        return page_response(items, found->next_cursor);
      },
      *query);
}

/// The seq a history cursor resumes after; a 400 error when the cursor is not one of ours.
result<std::int64_t, api_error> history_position(const page_request& page) {
  if (page.position.empty()) return std::int64_t{0};
  std::int64_t seq = -1;
  const auto& text = page.position;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seq);
  if (ec != std::errc{} || end != text.data() + text.size() || seq < 0)
    return fail(
        make_error(errc::invalid, "query parameter 'cursor' is not a valid history cursor"));
  return seq;
}

// A route that sends `(Atom, id, after_seq, limit)` to the service and answers a page of
// history records or log lines.
template <class Atom>
route_handler history_route(const ctx& node) {
  return [node](const http_request& request, const path_params& params, responder respond) {
    // As Temporal's history pages: one page holds a whole ordinary execution.
    auto page = parse_page_request(request, max_page_limit, cursor_kind::number);
    if (!page) return void(respond(error_response(page.error())));
    auto after = history_position(*page);
    if (!after) return void(respond(error_response(after.error())));
    detail::ask<actors::executions::history_reply>(
        node->system(), node->executions(), std::move(respond),
        [](actors::executions::history_reply& reply) {
          if (!reply) return error_response(execution_api_error(reply.error()));
          std::optional<std::string> next;
          if (reply->next_after) next = std::to_string(*reply->next_after);
          return page_text_response(runtime::dump_json(history_json(*reply)), next);
        },
        Atom::value, params.at("id"), *after, std::int64_t{page->limit});
  };
}

// A route that sends `(Atom, id)` to the service and answers `status`.
template <class Atom>
route_handler service_route(const ctx& node, int status) {
  return [node, status](const http_request&, const path_params& params, responder respond) {
    detail::ask<execution_reply>(node->system(), node->executions(), std::move(respond),
                                 reply_with(status), Atom::value, params.at("id"));
  };
}

}  // namespace

void add_execution_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("POST", "/api/v1/workflows/{id}/executions",
             creating_route(node, [node](const auto& request, const auto& params, responder r) {
               start_execution(node, request, params, std::move(r));
             }));
  routes.add("GET", "/api/v1/executions", [node](const auto& request, const auto&, responder r) {
    list_executions(node, request, std::move(r));
  });
  add_execution_metrics_routes(routes, node);  // before /executions/{id}, which would match it
  namespace ex = actors::executions;
  routes.add("GET", "/api/v1/executions/{id}",
             owned_route(node, service_route<caf::get_atom>(node, 200)));
  routes.add("POST", "/api/v1/executions/{id}/pause",
             owned_route(node, service_route<ex::pause_atom>(node, 202)));
  routes.add("POST", "/api/v1/executions/{id}/resume",
             owned_route(node, service_route<ex::resume_atom>(node, 202)));
  routes.add("POST", "/api/v1/executions/{id}/cancel",
             owned_route(node, service_route<ex::cancel_atom>(node, 202)));
  routes.add("GET", "/api/v1/executions/{id}/history",
             owned_route(node, history_route<ex::history_atom>(node)));
  routes.add("GET", "/api/v1/executions/{id}/logs",
             owned_route(node, history_route<ex::logs_atom>(node)));
}

}  // namespace auraos::gateway
