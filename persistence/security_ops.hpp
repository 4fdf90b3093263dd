#pragma once
// The write operations of users, custom roles, tokens, revocations and the audit log. Times
// the store stamps come from its clock; ids left empty get a random UUID.

#include <cstdint>
#include <string>
#include <vector>

#include "persistence/security_audit_record.hpp"
#include "persistence/security_token_record.hpp"
#include "persistence/security_user_record.hpp"

namespace auraos::persistence {

/// Creates a user (an id that is no UUID is invalid); a taken username or id is a conflict.
/// Result: the stored user_record.
struct create_user_op {
  user_record user;  ///< What to store; created_at and updated_at are stamped.
};

/// Changes a user's role, password hash or disabled flag and stamps updated_at; not_found when
/// absent. Result: the stored user_record.
struct update_user_op {
  user_update update;  ///< The change.
};

/// Deletes a user with its API and refresh tokens; not_found when absent.
struct delete_user_op {
  std::string id;  ///< The user.
};

/// Stores (creates or replaces) a custom role; replacing keeps created_at.
/// Result: the stored role_record.
struct put_role_op {
  role_record role;  ///< What to store.
};

/// Deletes a custom role; not_found when absent.
struct delete_role_op {
  std::string name;  ///< The role.
};

/// Creates an API token: a taken hash or id is a conflict, a user that does not exist
/// not_found. Result: the stored api_token_record.
struct create_api_token_op {
  api_token_record token;  ///< What to store; created_at is stamped.
};

/// Revokes an API token (a revoked one keeps its first revoked_at); not_found when absent.
/// Result: the stored api_token_record.
struct revoke_api_token_op {
  std::string id;  ///< The token.
};

/// Records that an API token was used now (last_used_at); not_found when absent.
struct touch_api_token_op {
  std::string id;  ///< The token.
};

/// Creates a refresh token: a taken hash or id is a conflict, a user that does not exist
/// not_found. Result: the stored refresh_token_record.
struct create_refresh_token_op {
  refresh_token_record token;  ///< What to store; issued_at is stamped.
};

/// Revokes a refresh token (a revoked one keeps its first revoked_at); not_found when absent.
struct revoke_refresh_token_op {
  std::string id;  ///< The token.
};

/// Rotates a refresh token in one step: revokes the one whose hash is `old_hash` (replaced_by:
/// the new id) and creates its successor for the same user. not_found when no token has the
/// hash; conflict when it is revoked, rotated already (a token presented twice: a stolen copy)
/// or expired. Result: the new refresh_token_record.
struct rotate_refresh_token_op {
  std::string old_hash;              ///< SHA-256 hex of the presented token.
  std::string next_id;               ///< The new token's id (empty: a random UUID).
  std::string next_hash;             ///< SHA-256 hex of the new token.
  std::int64_t next_expires_at = 0;  ///< The new token's expiry (ms).
};

/// Revokes an access token by its `jti` until `expires_at`; revoking it again changes nothing.
/// Result: the revocation_record (the first one of the id).
struct revoke_token_op {
  std::string token_id;         ///< The `jti`.
  std::int64_t expires_at = 0;  ///< The token's expiry (ms), when the entry may go.
};

/// Deletes the revocations of tokens expired by `now` (expires_at <= now). Result: pruned_rows.
struct prune_revocations_op {
  std::int64_t now = 0;  ///< ms since the epoch.
};

/// Appends audit entries in order (seq assigned by the store). Result: nothing.
struct append_audit_op {
  std::vector<audit_record> entries;  ///< An `at` of 0 gets the store's clock.
};

/// Deletes the audit entries older than `before` (at < before): retention. Result: pruned_rows.
struct prune_audit_op {
  std::int64_t before = 0;  ///< ms since the epoch.
};

/// How many rows a prune deleted.
struct pruned_rows {
  std::int64_t count = 0;  ///< Rows deleted.
};

}  // namespace auraos::persistence
