// GET /api/v1/openapi.json: the OpenAPI document of every route, compiled into the binary.

#include "gateway/api_routes.hpp"
#include "gateway/dashboard_assets.hpp"
#include "gateway/openapi_document.hpp"

namespace auraos::gateway {

void add_openapi_routes(router& routes) {
  routes.add("GET", "/api/v1/openapi.json",
             [](const http_request& request, const path_params&, responder respond) {
               http_response response;
               response.headers.set("ETag", openapi_etag());
               if (auto tags = request.headers.get("If-None-Match");
                   tags && etag_matches(*tags, openapi_etag())) {
                 response.status = 304;
                 return void(respond(std::move(response)));
               }
               response.body = std::string{openapi_document()};
               respond(std::move(response));
             });
}

}  // namespace auraos::gateway
