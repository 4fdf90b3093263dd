// REST routes of workflows: CRUD with revisions, status changes, filtered lists, metrics.

#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/pagination.hpp"
#include "gateway/resource_json.hpp"
#include "gateway/workflow_body.hpp"
#include "gateway/workflow_metrics.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
using ctx = std::shared_ptr<node_context>;

http_response stored_workflow_response(int status, p::write_outcome& outcome) {
  if (!outcome) return error_response(store_api_error(outcome.error()));
  return json_response(status, workflow_json(std::get<p::workflow_record>(outcome->front())));
}

/// The 409 of a POST whose id is taken (PUT stores a new revision instead).
api_error workflow_exists(const std::string& id) {
  return make_error(errc::conflict, "workflow '" + id + "' exists; PUT /api/v1/workflows/" + id +
                                        " stores a new revision");
}

// Stores `draft` once the existence check agrees: PUT needs an existing, not archived workflow.
void put_after_check(const ctx& node, p::workflow_draft draft, int status, responder respond) {
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    auto store = node->store();
    auto on_found = [=](p::store_result<p::workflow_record>& found) {
      bool exists = found.has_value();
      if (!exists && found.error().code != p::store_errc::not_found)
        return void(respond(error_response(store_api_error(found.error()))));
      if (!exists)
        return void(respond(
            error_response(make_error(errc::not_found, "no workflow with id '" + draft.id + "'"))));
      if (found->status == p::workflow_status::archived)
        return void(respond(error_response(
            make_error(errc::conflict, "workflow '" + draft.id +
                                           "' is archived; PATCH its status to draft or active "
                                           "before storing a new revision"))));
      detail::ask_from<p::write_outcome>(
          self, store, respond,
          [=](p::write_outcome& outcome) {
            if (outcome) node->workflows_changed();
            respond(stored_workflow_response(status, outcome));
          },
          p::write_request{{p::put_workflow_op{draft}}});
    };
    detail::ask_from<p::store_result<p::workflow_record>>(
        self, store, respond, on_found, actors::store::get_workflow_query{draft.id, std::nullopt});
  });
}

// Creates the workflow in one write: the store refuses a live id inside its transaction.
void create_workflow(const ctx& node, const http_request& request, responder respond) {
  auto draft = workflow_draft_from(request, std::nullopt);
  if (!draft) return void(respond(error_response(draft.error())));
  auto id = draft->id;
  detail::ask<p::write_outcome>(
      node->system(), node->store(), std::move(respond),
      [id, node](p::write_outcome& outcome) {
        if (!outcome && outcome.error().code == p::store_errc::conflict)
          return error_response(workflow_exists(id));
        if (outcome) node->workflows_changed();
        return stored_workflow_response(201, outcome);
      },
      p::write_request{{p::create_workflow_op{std::move(*draft)}}});
}

void update_workflow(const ctx& node, const http_request& request, const path_params& params,
                     responder respond) {
  auto draft = workflow_draft_from(request, params.at("id"));
  if (!draft) return void(respond(error_response(draft.error())));
  put_after_check(node, std::move(*draft), 200, std::move(respond));
}

void patch_workflow(const ctx& node, const http_request& request, const path_params& params,
                    responder respond) {
  auto status = workflow_status_patch_from(request);
  if (!status) return void(respond(error_response(status.error())));
  detail::ask<p::write_outcome>(
      node->system(), node->store(), std::move(respond),
      [node](p::write_outcome& outcome) {
        if (outcome) node->workflows_changed();
        return stored_workflow_response(200, outcome);
      },
      p::write_request{{p::set_workflow_status_op{params.at("id"), *status}}});
}

void get_workflow(const ctx& node, const path_params& params, responder respond) {
  detail::ask<p::store_result<p::workflow_record>>(
      node->system(), node->store(), std::move(respond),
      [](p::store_result<p::workflow_record>& found) {
        if (!found) return error_response(store_api_error(found.error()));
        return json_response(200, workflow_json(*found));
      },
      actors::store::get_workflow_query{params.at("id"), std::nullopt});
}

void delete_workflow(const ctx& node, const path_params& params, responder respond) {
  detail::ask<p::write_outcome>(
      node->system(), node->store(), std::move(respond),
      [node](p::write_outcome& outcome) {
        if (!outcome) return error_response(store_api_error(outcome.error()));
        node->workflows_changed();
        http_response response;
        response.status = 204;
        return response;
      },
      p::write_request{{p::delete_workflow_op{params.at("id")}}});
}

/// The longest search text `q` accepted.
constexpr std::size_t max_search_bytes = 256;

/// `q`: text the names must contain (absent or empty: any name); a 400 error when too long.
result<std::optional<std::string>, api_error> search_text(const http_request& request) {
  auto q = request.query_param("q");
  if (!q || q->empty()) return std::optional<std::string>{};
  if (q->size() > max_search_bytes || q->find('\0') != std::string::npos)
    return fail(make_error(errc::invalid, "query parameter 'q' must be at most " +
                                              std::to_string(max_search_bytes) + " bytes of text"));
  return q;
}

void list_workflows(const ctx& node, const http_request& request, responder respond) {
  auto page = parse_page_request(request);
  if (!page) return void(respond(error_response(page.error())));
  auto status = workflow_status_filter_from(request);
  if (!status) return void(respond(error_response(status.error())));
  auto search = search_text(request);
  if (!search) return void(respond(error_response(search.error())));
  actors::store::list_workflows_query query;
  query.filter =
      p::workflow_filter{request.query_param("name"), request.query_param("tag"), *status, *search};
  query.page.limit = page->limit;
  if (!page->position.empty()) query.page.cursor = page->position;
  detail::ask<p::store_result<p::page<p::workflow_record>>>(
      node->system(), node->store(), std::move(respond),
      [](p::store_result<p::page<p::workflow_record>>& found) {
        return workflow_page_response(found, workflow_json);
      },
      query);
}

}  // namespace

void add_workflow_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("POST", "/api/v1/workflows", [node](const auto& request, const auto&, responder r) {
    create_workflow(node, request, std::move(r));
  });
  routes.add("GET", "/api/v1/workflows", [node](const auto& request, const auto&, responder r) {
    list_workflows(node, request, std::move(r));
  });
  routes.add("GET", "/api/v1/workflows/{id}", [node](const auto&, const auto& params, responder r) {
    get_workflow(node, params, std::move(r));
  });
  routes.add("PUT", "/api/v1/workflows/{id}",
             [node](const auto& request, const auto& params, responder r) {
               update_workflow(node, request, params, std::move(r));
             });
  routes.add("PATCH", "/api/v1/workflows/{id}",
             [node](const auto& request, const auto& params, responder r) {
               patch_workflow(node, request, params, std::move(r));
             });
  routes.add("DELETE", "/api/v1/workflows/{id}",
             [node](const auto&, const auto& params, responder r) {
               delete_workflow(node, params, std::move(r));
             });
  routes.add("GET", "/api/v1/workflows/{id}/metrics",
             [node](const auto&, const auto& params, responder r) {
               workflow_metrics(node, params.at("id"), std::move(r));
             });
  add_workflow_revision_routes(routes, node);
}

}  // namespace auraos::gateway
