#include "persistence/sqlite/security_rows.hpp"

#include "persistence/json_columns.hpp"

namespace auraos::persistence::sqlite {

user_record read_user(const statement& row) {
  return {row.text(0),         row.text(1),    row.text(2),   row.text(3),
          row.integer(4) != 0, row.integer(5), row.integer(6)};
}

store_result<role_record> read_role(const statement& row) {
  role_record r{row.text(0), {}, row.integer(2), row.integer(3)};
  auto permissions = tags_from_json(row.text(1), "role '" + r.name + "'");
  if (!permissions) return fail(std::move(permissions).error());
  r.permissions = std::move(permissions).value();
  return r;
}

api_token_record read_api_token(const statement& row) {
  return {row.text(0),
          row.text(1),
          row.text(2),
          row.text(3),
          row.integer(4),
          row.optional_integer(5),
          row.optional_integer(6),
          row.optional_integer(7)};
}

refresh_token_record read_refresh_token(const statement& row) {
  return {row.text(0),         row.text(1),    row.text(2),
          row.integer(3),      row.integer(4), row.optional_integer(5),
          row.optional_text(6)};
}

revocation_record read_revocation(const statement& row) {
  return {row.integer(0), row.text(1), row.integer(2), row.integer(3)};
}

audit_record read_audit(const statement& row) {
  return {row.integer(0),       row.integer(1), row.text(2),          row.text(3),
          row.optional_text(4), row.text(5),    row.optional_text(6), row.text(7),
          row.text(8),          row.integer(9), row.optional_text(10)};
}

audit_group read_audit_group(const statement& row) {
  return {row.text(0), row.text(1), row.integer(2)};
}

}  // namespace auraos::persistence::sqlite
