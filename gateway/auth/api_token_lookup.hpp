#pragma once
// What the store says of an API token: whose it is, and what its user's role grants now.

#include <functional>
#include <memory>
#include <string>

#include "gateway/auth/authenticator.hpp"
#include "gateway/node_context.hpp"

namespace auraos::gateway::auth {

/// The permissions of role `name` read from `db` (built-in, else custom; none when unknown).
runtime::security::permission_set stored_role_permissions(persistence::security_store& db,
                                                          const std::string& name);

/// Looks `token` up in the store and calls `done` (on an actor thread) with the check: the
/// caller, or why not (unknown, revoked or expired token, disabled user, store unavailable).
/// A good token is remembered by the authenticator and its last use recorded.
void lookup_api_token(const std::shared_ptr<node_context>& node, const std::string& token,
                      std::function<void(token_check)> done);

}  // namespace auraos::gateway::auth
