#pragma once
// Conversions between PostgreSQL rows and stored users, roles, tokens, revocations and audit
// entries (column order as in the named queries).

#include "persistence/postgres/pg_result.hpp"
#include "persistence/security_audit_list.hpp"
#include "persistence/security_audit_record.hpp"
#include "persistence/security_token_record.hpp"
#include "persistence/security_user_record.hpp"

namespace auraos::persistence::postgres {

/// A user row in the column order of user_get.sql.
user_record read_user(const pg_result& rows, int row);
/// A role row in the column order of role_get.sql (permissions as a JSON array).
store_result<role_record> read_role(const pg_result& rows, int row);
/// An API token row in the column order of api_token_find.sql.
api_token_record read_api_token(const pg_result& rows, int row);
/// A refresh token row in the column order of refresh_token_find.sql.
refresh_token_record read_refresh_token(const pg_result& rows, int row);
/// A revocation row: seq, token_id, expires_at, revoked_at.
revocation_record read_revocation(const pg_result& rows, int row);
/// An audit row in the column order of audit_list.sql (details compacted).
audit_record read_audit(const pg_result& rows, int row);
/// An audit count row: action, outcome, count.
audit_group read_audit_group(const pg_result& rows, int row);

}  // namespace auraos::persistence::postgres
