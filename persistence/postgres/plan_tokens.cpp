// Planning of the token operations: API tokens (create, revoke, touch), refresh tokens (create,
// revoke, rotate) and revoked access tokens (revoke, prune).
#include <utility>

#include "persistence/postgres/plan_ops.hpp"
#include "persistence/postgres/plan_security.hpp"
#include "persistence/postgres/security_rows.hpp"
#include "persistence/security_checks.hpp"

namespace auraos::persistence::postgres {

namespace {

/// A call of `query` on ($1 `id`, $2 `now`) that stamps one token's row (not found in the
/// database); `operation` names it in messages.
planned_op stamping(std::string query, const std::string& id, std::int64_t now,
                    const std::string& operation) {
  params values;
  values.add(id).add(now);
  return planned_op{{{std::move(query), std::move(values)}}, {}, operation + " '" + id + "'"};
}

/// A call whose result is the number the query counted (a prune).
planned_op counting(std::string query, std::int64_t bound, std::string place) {
  params values;
  values.add(bound);
  planned_op planned{{{std::move(query), std::move(values)}}, {}, std::move(place)};
  planned.read = [](const pg_result& rows) -> store_result<op_result> {
    return op_result{pruned_rows{rows.rows() > 0 ? rows.integer(0, 0) : 0}};
  };
  return planned;
}

}  // namespace

store_result<planned_op> plan_op(const create_api_token_op& op, const clock_fn& clock) {
  auto t = api_token_to_create(op.token);
  if (!t) return fail(std::move(t).error());
  auto place = "create API token '" + t->id + "'";
  if (auto ok = check_user_id(t->user_id, place); !ok) return fail(std::move(ok).error());
  params values;
  values.add(t->id).add(t->user_id).add(t->name).add(t->token_hash).add(clock());
  values.add(t->expires_at);
  return returning_row("api_token_insert", std::move(values), place, read_api_token);
}

store_result<planned_op> plan_op(const revoke_api_token_op& op, const clock_fn& clock) {
  params values;
  values.add(op.id).add(clock());
  return returning_row("api_token_revoke", std::move(values), "revoke API token '" + op.id + "'",
                       read_api_token);
}

store_result<planned_op> plan_op(const touch_api_token_op& op, const clock_fn& clock) {
  return stamping("api_token_touch", op.id, clock(), "touch API token");
}

store_result<planned_op> plan_op(const create_refresh_token_op& op, const clock_fn& clock) {
  auto t = refresh_token_to_create(op.token);
  if (!t) return fail(std::move(t).error());
  auto place = "create refresh token '" + t->id + "'";
  if (auto ok = check_user_id(t->user_id, place); !ok) return fail(std::move(ok).error());
  params values;
  values.add(t->id).add(t->user_id).add(t->token_hash).add(clock()).add(t->expires_at);
  return returning_row("refresh_token_insert", std::move(values), place, read_refresh_token);
}

store_result<planned_op> plan_op(const revoke_refresh_token_op& op, const clock_fn& clock) {
  return stamping("refresh_token_revoke", op.id, clock(), "revoke refresh token");
}

store_result<planned_op> plan_op(const rotate_refresh_token_op& given, const clock_fn& clock) {
  auto op = rotation_to_apply(given);
  if (!op) return fail(std::move(op).error());
  params values;
  values.add(op->old_hash).add(op->next_id).add(op->next_hash).add(op->next_expires_at);
  values.add(clock());
  return returning_row("refresh_token_rotate", std::move(values), "rotate refresh token",
                       read_refresh_token);
}

store_result<planned_op> plan_op(const revoke_token_op& op, const clock_fn& clock) {
  if (auto ok = require_text(op.token_id, "token id", "revoke token"); !ok)
    return fail(std::move(ok).error());
  params values;
  values.add(op.token_id).add(op.expires_at).add(clock());
  return returning_row("revocation_put", std::move(values), "revoke token", read_revocation);
}

store_result<planned_op> plan_op(const prune_revocations_op& op, const clock_fn&) {
  return counting("revocation_prune", op.now, "prune revocations");
}

store_result<planned_op> plan_op(const prune_audit_op& op, const clock_fn&) {
  return counting("audit_prune", op.before, "prune audit");
}

}  // namespace auraos::persistence::postgres
