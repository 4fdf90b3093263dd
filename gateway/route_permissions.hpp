#pragma once
// Which permission each REST route (and so each actor-API operation, SSE and WebSocket stream
// and CLI command, which all reach the node through these routes) needs, and the pure
// decision whether a caller may use it. The router's filter enforces it; this file only decides.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/router.hpp"
#include "runtime/security/permissions.hpp"

namespace auraos::gateway {

/// What one route needs: a permission, or nothing (a public route, no token needed).
struct route_permission {
  route_pattern route;    ///< Method and pattern exactly as the router has them.
  std::string operation;  ///< Its OpenAPI operationId; empty for the test-only crash route.
  std::optional<runtime::security::permission> needs;  ///< nullopt: public or signed_in.
  /// With no `needs`: any signed-in caller may use it (their own tokens, who they are).
  bool signed_in = false;

  /// True when anyone may use the route, signed in or not.
  bool is_public() const { return !needs && !signed_in; }
};

/// Every route of the node with what it needs, in the order the router adds them.
const std::vector<route_permission>& route_permissions();

/// What the route `method pattern` (a registered pattern, not a request path) needs. A route
/// the table lacks needs `admin`, so a route added without an entry is closed, not open.
route_permission required_permission(std::string_view method, std::string_view pattern);

/// What the actor-API operation `operation` (an ApiCall's operationId) needs, or null when no
/// route has that operationId (the endpoint answers 404 for it). An event subscription of the
/// actor API opens GET /api/v1/events/stream: operation "streamEvents".
const route_permission* operation_permission(std::string_view operation);

/// Who is calling, as a validated token (or its absence) says.
struct principal {
  bool authenticated = false;                     ///< False: no valid token (anonymous).
  std::string user_id;                            ///< The token's subject.
  std::string role;                               ///< The user's role, for messages.
  runtime::security::permission_set permissions;  ///< What the token grants.
};

/// Whether a call may go on; when refused, the status to answer and why.
struct access_decision {
  std::uint16_t status = 0;  ///< 0: allowed; 401: anonymous caller; 403: lacking permission.
  std::string message;       ///< Empty when allowed; else names the permission and the route.

  /// True when the call may go on.
  bool allowed() const { return status == 0; }
};

/// May `caller` use `route`? Public routes admit everyone; otherwise an anonymous caller is
/// refused with 401 and one without the permission (`allows`) with 403.
access_decision authorize(const principal& caller, const route_permission& route);

}  // namespace auraos::gateway
