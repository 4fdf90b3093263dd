#pragma once
// The OpenAPI 3.1 document of the REST API (gateway/openapi/openapi.json), compiled into the
// binary at build time (gateway/embed_openapi.cmake) and served at GET /api/v1/openapi.json.

#include <string_view>

namespace auraos::gateway {

/// The document's JSON text, exactly as in gateway/openapi/openapi.json.
std::string_view openapi_document();

/// A strong ETag of the document, quotes included.
std::string_view openapi_etag();

}  // namespace auraos::gateway
