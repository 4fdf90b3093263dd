#pragma once
// The dashboard's files, bundled and compiled into the binary at build time
// (gateway/embed_dashboard.cmake generates the table). Included by the asset routes only (and
// the OpenAPI route, for etag_matches).

#include <span>
#include <string_view>

namespace auraos::gateway {

/// One file of the dashboard's bundle.
struct dashboard_asset {
  std::string_view name;     ///< Its path in the bundle, e.g. "app.js".
  std::string_view content;  ///< Its bytes.
  std::string_view etag;     ///< A strong ETag of its bytes, quotes included.
};

/// Every file of the bundle, sorted by name.
std::span<const dashboard_asset> dashboard_assets();

/// The file named `name`, or null.
const dashboard_asset* find_dashboard_asset(std::string_view name);

/// The Content-Type of a file by its extension (application/octet-stream when unknown).
std::string_view asset_content_type(std::string_view name);

/// True when an If-None-Match value (a list of ETags, or "*") matches `etag` (weakly, as
/// RFC 9110 13.1.2 asks for GET).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace auraos::gateway
