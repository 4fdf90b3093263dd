#pragma once
// A node's security at start (docs/security.md): the key file, the first administrator and the
// revocations stored so far, before any call is served.

#include <memory>
#include <string>

#include "persistence/store.hpp"
#include "runtime/node_config.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway::auth {
class authenticator;
}

namespace auraos::node {

/// The environment variable whose value becomes the first admin's password (with the name in
/// AURAOS_ADMIN_USER, default "admin") when the store has no user yet.
inline constexpr const char* admin_password_variable = "AURAOS_ADMIN_PASSWORD";
/// The first admin's name (default "admin").
inline constexpr const char* admin_user_variable = "AURAOS_ADMIN_USER";

/// The token checks of a node with `config`, or null when authentication is off: loads (or
/// creates) the key file, creates the first admin from the environment when `db` holds no user,
/// and applies the revocations stored so far. Why the node cannot start otherwise.
result<std::shared_ptr<gateway::auth::authenticator>, std::string> start_security(
    const runtime::node_config& config, persistence::store& db);

}  // namespace auraos::node
