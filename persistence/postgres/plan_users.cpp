// Planning of the user and role operations: create, change and delete users; put and delete
// custom roles.
#include <utility>

#include "persistence/postgres/array_literal.hpp"
#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/plan_security.hpp"
#include "persistence/postgres/security_rows.hpp"
#include "persistence/security_checks.hpp"

namespace auraos::persistence::postgres {

store_result<planned_op> plan_op(const create_user_op& op, const clock_fn& clock) {
  auto u = user_to_create(op.user);
  if (!u) return fail(std::move(u).error());
  params values;
  values.add(u->id).add(u->username).add(u->password_hash).add(u->role);
  values.add(std::string{u->disabled ? "true" : "false"}).add(clock());
  return returning_row("user_insert", std::move(values), "create user '" + u->username + "'",
                       read_user);
}

store_result<planned_op> plan_op(const update_user_op& op, const clock_fn& clock) {
  const auto& u = op.update;
  if (auto ok = check_user_id(u.id, "update user"); !ok) return fail(std::move(ok).error());
  std::optional<std::string> disabled;
  if (u.disabled) disabled = *u.disabled ? "true" : "false";
  params values;
  values.add(u.id).add(u.role).add(u.password_hash).add(disabled).add(clock());
  return returning_row("user_update", std::move(values), "update user '" + u.id + "'", read_user);
}

store_result<planned_op> plan_op(const delete_user_op& op, const clock_fn&) {
  if (auto ok = check_user_id(op.id, "delete user"); !ok) return fail(std::move(ok).error());
  params values;
  values.add(op.id);
  return planned_op{{{"user_delete", std::move(values)}}, {}, "delete user '" + op.id + "'"};
}

store_result<planned_op> plan_op(const put_role_op& op, const clock_fn& clock) {
  const auto& r = op.role;
  if (auto ok = require_text(r.name, "name", "put role"); !ok) return fail(std::move(ok).error());
  params values;
  values.add(r.name).add(text_array(r.permissions)).add(clock());
  return returning_row("role_put", std::move(values), "put role '" + r.name + "'", read_role);
}

store_result<planned_op> plan_op(const delete_role_op& op, const clock_fn&) {
  params values;
  values.add(op.name);
  return planned_op{{{"role_delete", std::move(values)}}, {}, "delete role '" + op.name + "'"};
}

}  // namespace auraos::persistence::postgres
