#pragma once
// Authentication and authorization of every routed call, in one place: the route filter finds
// the caller's token (Authorization: Bearer, or `access_token` on the stream routes, which
// browsers open without headers), checks it, applies gateway/route_permissions.hpp, and records
// refused and mutating calls in the audit log. REST, SSE and WebSocket streams, the actor API
// and the CLI all reach the node through these routes, so all are checked here.

#include <memory>

#include "gateway/node_context.hpp"
#include "gateway/router.hpp"

namespace auraos::gateway::auth {

/// The filter; `next` runs for an allowed call (with http_request::caller set). On a node
/// without authentication it only calls `next`.
route_filter auth_filter(std::shared_ptr<node_context> node, route_filter next);

/// The token a request carries: `Authorization: Bearer TOKEN`, else (stream routes only) the
/// `access_token` query parameter; empty when none.
std::string bearer_token(const http_request& request, bool stream_route);

}  // namespace auraos::gateway::auth
