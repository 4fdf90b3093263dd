// The token operations: API tokens (create, revoke, touch), refresh tokens (create, revoke,
// rotate) and revoked access tokens (revoke, prune).
#include <utility>

#include "persistence/security_checks.hpp"
#include "persistence/sqlite/security_rows.hpp"
#include "persistence/sqlite/write_rows.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<op_result> writer::apply_op(const create_api_token_op& op) {
  auto t = api_token_to_create(op.token);
  if (!t) return fail(std::move(t).error());
  auto& query = queries_["api_token_insert"];
  query.bind(1, t->id).bind(2, t->user_id).bind(3, t->name).bind(4, t->token_hash);
  query.bind(5, clock_()).bind(6, t->expires_at);
  return returned_row<api_token_record>(query, read_api_token, "create API token '" + t->id + "'",
                                        "create API token: no row");
}

store_result<op_result> writer::apply_op(const revoke_api_token_op& op) {
  auto& query = queries_["api_token_revoke"];
  query.bind(1, op.id).bind(2, clock_());
  return returned_row<api_token_record>(query, read_api_token, "revoke API token '" + op.id + "'",
                                        "revoke API token: no token '" + op.id + "'");
}

store_result<op_result> writer::apply_op(const touch_api_token_op& op) {
  return stamped_token(queries_["api_token_touch"], op.id, clock_(), "touch API token");
}

store_result<op_result> writer::apply_op(const create_refresh_token_op& op) {
  auto t = refresh_token_to_create(op.token);
  if (!t) return fail(std::move(t).error());
  auto& query = queries_["refresh_token_insert"];
  query.bind(1, t->id).bind(2, t->user_id).bind(3, t->token_hash).bind(4, clock_());
  query.bind(5, t->expires_at);
  return returned_row<refresh_token_record>(query, read_refresh_token,
                                            "create refresh token '" + t->id + "'",
                                            "create refresh token: no row");
}

store_result<op_result> writer::apply_op(const revoke_refresh_token_op& op) {
  return stamped_token(queries_["refresh_token_revoke"], op.id, clock_(), "revoke refresh token");
}

store_result<op_result> writer::apply_op(const rotate_refresh_token_op& given) {
  constexpr std::string_view place = "rotate refresh token";
  auto op = rotation_to_apply(given);
  if (!op) return fail(std::move(op).error());
  auto& find = queries_["refresh_token_find"];
  find.bind(1, op->old_hash);
  auto old = found_or(fetch_one<refresh_token_record>(find, read_refresh_token),
                      std::string{place} + ": no refresh token with that hash");
  if (!old) return fail(std::move(old).error());
  auto now = clock_();
  if (old->revoked_at || old->expires_at <= now)
    return store_fail(store_errc::conflict,
                      std::string{place} + ": refresh token '" + old->id +
                          (old->revoked_at ? "' was revoked or rotated already" : "' expired"));
  auto& insert = queries_["refresh_token_insert"];
  insert.bind(1, op->next_id).bind(2, old->user_id).bind(3, op->next_hash).bind(4, now);
  insert.bind(5, op->next_expires_at);
  auto created = returned_row<refresh_token_record>(insert, read_refresh_token, std::string{place},
                                                    "rotate: no row");
  if (!created) return created;
  auto& retire = queries_["refresh_token_revoke"];
  retire.bind(1, old->id).bind(2, now).bind(3, op->next_id);
  if (auto done = retire.run(); !done) return fail(std::move(done).error());
  return created;
}

store_result<op_result> writer::apply_op(const revoke_token_op& op) {
  if (auto ok = require_text(op.token_id, "token id", "revoke token"); !ok)
    return fail(std::move(ok).error());
  auto& insert = queries_["revocation_insert"];
  insert.bind(1, op.token_id).bind(2, op.expires_at).bind(3, clock_());
  if (auto done = insert.run(); !done) return fail(std::move(done).error());
  auto& get = queries_["revocation_get"];
  get.bind(1, op.token_id);
  return returned_row<revocation_record>(get, read_revocation, "revoke token",
                                         "revoke token: no row");
}

store_result<op_result> writer::apply_op(const prune_revocations_op& op) {
  return pruned(queries_["revocation_prune"], op.now);
}

}  // namespace auraos::persistence::sqlite
