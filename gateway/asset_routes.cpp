// GET / and GET /assets/{name}: the dashboard, served from the files compiled into the binary.

#include "gateway/api_error.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/dashboard_assets.hpp"

namespace auraos::gateway {
namespace {

/// The answer for `file`: 304 when the client's copy is current, else the file. Browsers
/// revalidate every time (no-cache), which costs a 304 and keeps an upgraded node's files fresh.
http_response asset_response(const dashboard_asset& file, const http_request& request) {
  http_response response;
  response.headers.set("ETag", file.etag);
  response.headers.set("Cache-Control", "no-cache");
  if (auto tags = request.headers.get("If-None-Match"); tags && etag_matches(*tags, file.etag)) {
    response.status = 304;
    return response;
  }
  response.content_type = std::string{asset_content_type(file.name)};
  response.body = std::string{file.content};
  return response;
}

http_response missing_asset(const std::string& name) {
  return error_response(
      make_error(errc::not_found, "no dashboard asset named '" + name.substr(0, 200) + "'"));
}

}  // namespace

void add_asset_routes(router& routes) {
  routes.add("GET", "/", [](const http_request& request, const path_params&, responder respond) {
    const auto* index = find_dashboard_asset("index.html");
    respond(index ? asset_response(*index, request) : missing_asset("index.html"));
  });
  routes.add("GET", "/assets/{name}",
             [](const http_request& request, const path_params& params, responder respond) {
               const auto* file = find_dashboard_asset(params.at("name"));
               respond(file ? asset_response(*file, request) : missing_asset(params.at("name")));
             });
}

}  // namespace auraos::gateway
