#pragma once
// The security routes of a node: sign-in and tokens, users, roles, the audit log.

#include <memory>

#include "gateway/node_context.hpp"
#include "gateway/router.hpp"

namespace auraos::gateway::auth {

/// POST /api/v1/auth/token (password or refresh token -> access + refresh token),
/// POST /api/v1/auth/revoke and GET /api/v1/auth/me.
void add_auth_routes(router& routes, std::shared_ptr<node_context> node);

/// /api/v1/auth/api-tokens: create (shown once), list, revoke.
void add_api_token_routes(router& routes, std::shared_ptr<node_context> node);

/// /api/v1/users and /api/v1/roles.
void add_user_routes(router& routes, std::shared_ptr<node_context> node);

/// GET /api/v1/audit (filters; JSON, CSV or JSON lines) and GET /api/v1/audit/report.
void add_audit_routes(router& routes, std::shared_ptr<node_context> node);

/// Every security route.
inline void add_security_routes(router& routes, const std::shared_ptr<node_context>& node) {
  add_auth_routes(routes, node);
  add_api_token_routes(routes, node);
  add_user_routes(routes, node);
  add_audit_routes(routes, node);
}

}  // namespace auraos::gateway::auth
