// The user and role operations: create, change and delete users; put and delete custom roles.
#include <utility>

#include "persistence/json_columns.hpp"
#include "persistence/security_checks.hpp"
#include "persistence/sqlite/security_rows.hpp"
#include "persistence/sqlite/write_rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<op_result> writer::apply_op(const create_user_op& op) {
  auto user = user_to_create(op.user);
  if (!user) return fail(std::move(user).error());
  auto& query = queries_["user_insert"];
  query.bind(1, user->id).bind(2, user->username).bind(3, user->password_hash);
  query.bind(4, user->role).bind(5, std::int64_t{user->disabled}).bind(6, clock_());
  return returned_row<user_record>(query, read_user, "create user '" + user->username + "'",
                                   "create user: no row");
}

store_result<op_result> writer::apply_op(const update_user_op& op) {
  const auto& u = op.update;
  std::optional<std::int64_t> disabled;
  if (u.disabled) disabled = std::int64_t{*u.disabled};
  auto& query = queries_["user_update"];
  query.bind(1, u.id).bind(2, u.role).bind(3, u.password_hash).bind(4, disabled);
  query.bind(5, clock_());
  return returned_row<user_record>(query, read_user, "update user '" + u.id + "'",
                                   "update user: no user '" + u.id + "'");
}

store_result<op_result> writer::apply_op(const delete_user_op& op) {
  auto& query = queries_["user_delete"];
  query.bind(1, op.id);
  return changed_row(query, "delete user '" + op.id + "'", "delete user: no user '" + op.id + "'");
}

store_result<op_result> writer::apply_op(const put_role_op& op) {
  const auto& r = op.role;
  if (auto ok = require_text(r.name, "name", "put role"); !ok) return fail(std::move(ok).error());
  auto& query = queries_["role_put"];
  query.bind(1, r.name).bind(2, tags_to_json(r.permissions)).bind(3, clock_());
  return returned_row<role_record>(query, read_role, "put role '" + r.name + "'",
                                   "put role: no row");
}

store_result<op_result> writer::apply_op(const delete_role_op& op) {
  auto& query = queries_["role_delete"];
  query.bind(1, op.name);
  return changed_row(query, "delete role '" + op.name + "'",
                     "delete role: no role '" + op.name + "'");
}

}  // namespace auraos::persistence::sqlite
