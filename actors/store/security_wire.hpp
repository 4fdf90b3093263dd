#pragma once
// `inspect` overloads of the stored users, roles, tokens, revocations and audit entries and of
// their write ops, so that the store actor's security writes and their results may cross a
// node (found by ADL).

#include <caf/meta/type_name.hpp>

#include "actors/wire.hpp"
#include "persistence/security_ops.hpp"

namespace auraos::persistence {

/// Inspects a stored user.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_record& x) {
  return f(caf::meta::type_name("user_record"), x.id, x.username, x.password_hash, x.role,
           x.disabled, x.created_at, x.updated_at);
}

/// Inspects a change of a user.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_update& x) {
  using actors::wire::optional_field;
  optional_field<std::string> role{x.role};
  optional_field<std::string> hash{x.password_hash};
  optional_field<bool> disabled{x.disabled};
  return f(caf::meta::type_name("user_update"), x.id, role, hash, disabled);
}

/// Inspects a custom role.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, role_record& x) {
  return f(caf::meta::type_name("role_record"), x.name, x.permissions, x.created_at, x.updated_at);
}

/// Inspects an API token.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, api_token_record& x) {
  using actors::wire::optional_field;
  optional_field<std::int64_t> expires{x.expires_at};
  optional_field<std::int64_t> used{x.last_used_at};
  optional_field<std::int64_t> revoked{x.revoked_at};
  return f(caf::meta::type_name("api_token_record"), x.id, x.user_id, x.name, x.token_hash,
           x.created_at, expires, used, revoked);
}

/// Inspects a refresh token.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, refresh_token_record& x) {
  using actors::wire::optional_field;
  optional_field<std::int64_t> revoked{x.revoked_at};
  optional_field<std::string> replaced_by{x.replaced_by};
  return f(caf::meta::type_name("refresh_token_record"), x.id, x.user_id, x.token_hash, x.issued_at,
           x.expires_at, revoked, replaced_by);
}

/// Inspects a revocation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, revocation_record& x) {
  return f(caf::meta::type_name("revocation_record"), x.seq, x.token_id, x.expires_at,
           x.revoked_at);
}

/// Inspects an audit entry.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, audit_record& x) {
  using actors::wire::optional_field;
  optional_field<std::string> token{x.token_id};
  optional_field<std::string> target{x.target};
  optional_field<std::string> details{x.details};
  return f(caf::meta::type_name("audit_record"), x.seq, x.at, x.actor, x.actor_name, token,
           x.action, target, x.source, x.outcome, x.status, details);
}

/// Inspects a user creation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, create_user_op& x) {
  return f(caf::meta::type_name("create_user_op"), x.user);
}

/// Inspects a user change.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, update_user_op& x) {
  return f(caf::meta::type_name("update_user_op"), x.update);
}

/// Inspects a user delete.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_user_op& x) {
  return f(caf::meta::type_name("delete_user_op"), x.id);
}

/// Inspects a role write.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, put_role_op& x) {
  return f(caf::meta::type_name("put_role_op"), x.role);
}

/// Inspects a role delete.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delete_role_op& x) {
  return f(caf::meta::type_name("delete_role_op"), x.name);
}

/// Inspects an API token creation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, create_api_token_op& x) {
  return f(caf::meta::type_name("create_api_token_op"), x.token);
}

/// Inspects an API token revocation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, revoke_api_token_op& x) {
  return f(caf::meta::type_name("revoke_api_token_op"), x.id);
}

/// Inspects an API token's use.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, touch_api_token_op& x) {
  return f(caf::meta::type_name("touch_api_token_op"), x.id);
}

/// Inspects a refresh token creation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, create_refresh_token_op& x) {
  return f(caf::meta::type_name("create_refresh_token_op"), x.token);
}

/// Inspects a refresh token revocation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, revoke_refresh_token_op& x) {
  return f(caf::meta::type_name("revoke_refresh_token_op"), x.id);
}

/// Inspects a refresh token rotation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, rotate_refresh_token_op& x) {
  return f(caf::meta::type_name("rotate_refresh_token_op"), x.old_hash, x.next_id, x.next_hash,
           x.next_expires_at);
}

/// Inspects an access token revocation.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, revoke_token_op& x) {
  return f(caf::meta::type_name("revoke_token_op"), x.token_id, x.expires_at);
}

/// Inspects a prune of revocations.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, prune_revocations_op& x) {
  return f(caf::meta::type_name("prune_revocations_op"), x.now);
}

/// Inspects an audit append.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, append_audit_op& x) {
  return f(caf::meta::type_name("append_audit_op"), x.entries);
}

/// Inspects an audit prune.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, prune_audit_op& x) {
  return f(caf::meta::type_name("prune_audit_op"), x.before);
}

/// Inspects a prune's count.
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, pruned_rows& x) {
  return f(caf::meta::type_name("pruned_rows"), x.count);
}

}  // namespace auraos::persistence
