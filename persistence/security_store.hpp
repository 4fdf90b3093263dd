#pragma once
// The reads of users, custom roles, tokens, revocations and the audit log; writes are the
// security_ops through `commit` (or the single-operation helpers below).

#include <cstdint>
#include <string>
#include <vector>

#include "persistence/batch_store.hpp"
#include "persistence/security_ops.hpp"

namespace auraos::persistence {

/// Stored users, custom roles, API and refresh tokens, revocations and the audit log.
class security_store : public virtual batch_store {
 public:
  /// One user by id (not_found names the id; an id that is no UUID is not found).
  virtual store_result<user_record> get_user(const std::string& id) = 0;
  /// One user by username, compared case-sensitively (not_found names it).
  virtual store_result<user_record> get_user_by_name(const std::string& username) = 0;
  /// Users in creation order (created_at, id); keyset cursors as for workflows.
  virtual store_result<page<user_record>> list_users(const page_request& page) = 0;
  /// One custom role by name (not_found names it).
  virtual store_result<role_record> get_role(const std::string& name) = 0;
  /// Every custom role, by name.
  virtual store_result<std::vector<role_record>> list_roles() = 0;
  /// The API token whose hash is `token_hash` (not_found when none).
  virtual store_result<api_token_record> find_api_token(const std::string& token_hash) = 0;
  /// A user's API tokens (revoked ones too) in creation order.
  virtual store_result<std::vector<api_token_record>> list_api_tokens(
      const std::string& user_id) = 0;
  /// The refresh token whose hash is `token_hash` (not_found when none).
  virtual store_result<refresh_token_record> find_refresh_token(const std::string& token_hash) = 0;
  /// Revocations with seq > `after_seq` in seq order, at most `limit` (what a node polls).
  virtual store_result<std::vector<revocation_record>> revocations_after(std::int64_t after_seq,
                                                                         std::int64_t limit) = 0;
  /// Audit entries matching `filter`, newest first (seq descending); the cursor is the last
  /// seq returned, a malformed one `invalid` naming `list audit`.
  virtual store_result<page<audit_record>> list_audit(const audit_filter& filter,
                                                      const page_request& page) = 0;
  /// The counts by outcome and by action of the entries with `at` in [from_ms, to_ms).
  virtual store_result<audit_summary> summarize_audit(std::int64_t from_ms, std::int64_t to_ms) = 0;

  /// Creates a user (see create_user_op).
  store_result<user_record> create_user(user_record user);
  /// Changes a user (see update_user_op).
  store_result<user_record> update_user(user_update update);
  /// Deletes a user and its tokens (see delete_user_op).
  store_status delete_user(const std::string& id);
  /// Creates or replaces a custom role (see put_role_op).
  store_result<role_record> put_role(role_record role);
  /// Deletes a custom role (see delete_role_op).
  store_status delete_role(const std::string& name);
  /// Creates an API token (see create_api_token_op).
  store_result<api_token_record> create_api_token(api_token_record token);
  /// Revokes an API token (see revoke_api_token_op).
  store_result<api_token_record> revoke_api_token(const std::string& id);
  /// Records an API token's use now (see touch_api_token_op).
  store_status touch_api_token(const std::string& id);
  /// Creates a refresh token (see create_refresh_token_op).
  store_result<refresh_token_record> create_refresh_token(refresh_token_record token);
  /// Revokes a refresh token (see revoke_refresh_token_op).
  store_status revoke_refresh_token(const std::string& id);
  /// Replaces a refresh token by a new one (see rotate_refresh_token_op).
  store_result<refresh_token_record> rotate_refresh_token(rotate_refresh_token_op op);
  /// Revokes an access token's `jti` until it expires (see revoke_token_op).
  store_result<revocation_record> revoke_token(const std::string& token_id,
                                               std::int64_t expires_at);
  /// Deletes the revocations of expired tokens; how many (see prune_revocations_op).
  store_result<std::int64_t> prune_revocations(std::int64_t now);
  /// Appends audit entries in one transaction (see append_audit_op).
  store_status append_audit(std::vector<audit_record> entries);
  /// Deletes the audit entries older than `before`; how many (see prune_audit_op).
  store_result<std::int64_t> prune_audit(std::int64_t before);
};

}  // namespace auraos::persistence
