#pragma once
// JSON of users, roles, API tokens and audit entries as the REST API answers them; a password
// hash or a stored token hash never appears.

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "persistence/security_audit_record.hpp"
#include "persistence/security_token_record.hpp"
#include "persistence/security_user_record.hpp"
#include "runtime/security/permissions.hpp"

namespace auraos::gateway::auth {

/// {"id", "username", "role", "disabled", "createdAt", "updatedAt"}.
nlohmann::json user_json(const persistence::user_record& user);

/// The permission names of `permissions`, sorted.
nlohmann::json permissions_json(const runtime::security::permission_set& permissions);

/// {"name", "permissions", "builtin"}.
nlohmann::json role_json(const std::string& name,
                         const runtime::security::permission_set& permissions, bool builtin);

/// {"id", "name", "createdAt", "expiresAt", "lastUsedAt", "revokedAt"} and, only when just
/// made, "token": the one time it is shown.
nlohmann::json api_token_json(const persistence::api_token_record& token,
                              const std::optional<std::string>& plain = std::nullopt);

/// {"seq", "at", "actor", "actorName", "tokenId", "action", "target", "source", "outcome",
/// "status", "details"}.
nlohmann::json audit_json(const persistence::audit_record& entry);

}  // namespace auraos::gateway::auth
