// REST routes of a workflow's revisions: the paged list and one revision by number.

#include <charconv>

#include <nlohmann/json.hpp>

#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/pagination.hpp"
#include "gateway/resource_json.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
using ctx = std::shared_ptr<node_context>;

/// The revision number of the path: a positive decimal integer, else 400.
result<std::int64_t, api_error> revision_number(const std::string& text) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 1)
    return fail(
        make_error(errc::invalid, "revision '" + text + "' is not a revision number (1, 2, ...)"));
  return n;
}

void list_revisions(const ctx& node, const http_request& request, const path_params& params,
                    responder respond) {
  auto page = parse_page_request(request, default_page_limit, cursor_kind::number);
  if (!page) return void(respond(error_response(page.error())));
  actors::store::list_revisions_query query{params.at("id"), {page->limit, std::nullopt}};
  if (!page->position.empty()) query.page.cursor = page->position;
  detail::ask<p::store_result<p::page<p::workflow_record>>>(
      node->system(), node->store(), std::move(respond),
      [](p::store_result<p::page<p::workflow_record>>& found) {
        return workflow_page_response(found, revision_summary_json);
      },
      query);
}

void get_revision(const ctx& node, const path_params& params, responder respond) {
  auto n = revision_number(params.at("n"));
  if (!n) return void(respond(error_response(n.error())));
  detail::ask<p::store_result<p::workflow_record>>(
      node->system(), node->store(), std::move(respond),
      [](p::store_result<p::workflow_record>& found) {
        if (!found) return error_response(store_api_error(found.error()));
        return json_response(200, workflow_json(*found));
      },
      actors::store::get_workflow_query{params.at("id"), *n});
}

}  // namespace

void add_workflow_revision_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/workflows/{id}/revisions",
             [node](const auto& request, const auto& params, responder r) {
               list_revisions(node, request, params, std::move(r));
             });
  routes.add("GET", "/api/v1/workflows/{id}/revisions/{n}",
             [node](const auto&, const auto& params, responder r) {
               get_revision(node, params, std::move(r));
             });
}

}  // namespace auraos::gateway
