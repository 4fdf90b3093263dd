#include "persistence/postgres/security_rows.hpp"

#include "persistence/json_columns.hpp"

namespace auraos::persistence::postgres {

user_record read_user(const pg_result& rows, int row) {
  return {rows.text(row, 0),    rows.text(row, 1),    rows.text(row, 2),   rows.text(row, 3),
          rows.boolean(row, 4), rows.integer(row, 5), rows.integer(row, 6)};
}

store_result<role_record> read_role(const pg_result& rows, int row) {
  role_record r{rows.text(row, 0), {}, rows.integer(row, 2), rows.integer(row, 3)};
  auto permissions = tags_from_json(rows.text(row, 1), "role '" + r.name + "'");
  if (!permissions) return fail(std::move(permissions).error());
  r.permissions = std::move(permissions).value();
  return r;
}

api_token_record read_api_token(const pg_result& rows, int row) {
  return {rows.text(row, 0),
          rows.text(row, 1),
          rows.text(row, 2),
          rows.text(row, 3),
          rows.integer(row, 4),
          rows.optional_integer(row, 5),
          rows.optional_integer(row, 6),
          rows.optional_integer(row, 7)};
}

refresh_token_record read_refresh_token(const pg_result& rows, int row) {
  return {rows.text(row, 0),         rows.text(row, 1),    rows.text(row, 2),
          rows.integer(row, 3),      rows.integer(row, 4), rows.optional_integer(row, 5),
          rows.optional_text(row, 6)};
}

revocation_record read_revocation(const pg_result& rows, int row) {
  return {rows.integer(row, 0), rows.text(row, 1), rows.integer(row, 2), rows.integer(row, 3)};
}

audit_record read_audit(const pg_result& rows, int row) {
  return {rows.integer(row, 0),
          rows.integer(row, 1),
          rows.text(row, 2),
          rows.text(row, 3),
          rows.optional_text(row, 4),
          rows.text(row, 5),
          rows.optional_text(row, 6),
          rows.text(row, 7),
          rows.text(row, 8),
          rows.integer(row, 9),
          compact_json(rows.optional_text(row, 10))};
}

audit_group read_audit_group(const pg_result& rows, int row) {
  return {rows.text(row, 0), rows.text(row, 1), rows.integer(row, 2)};
}

}  // namespace auraos::persistence::postgres
