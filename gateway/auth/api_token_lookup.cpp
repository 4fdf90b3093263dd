// API-token lookups through the store actor.

#include "gateway/auth/api_token_lookup.hpp"

#include <caf/event_based_actor.hpp>

#include "actors/store/security_read.hpp"
#include "gateway/auth/wall_clock.hpp"
#include "gateway/detail/ask.hpp"
#include "runtime/crypto/random.hpp"
#include "runtime/security/roles.hpp"

namespace auraos::gateway::auth {
namespace {

namespace p = persistence;

/// The check of the token whose hash is `hash`, read on the store's thread.
p::store_status read_check(p::security_store& db, const std::string& hash, token_check& out) {
  auto token = db.find_api_token(hash);
  if (!token) {
    if (token.error().code == p::store_errc::unavailable) return fail(token.error());
    out.problem = "the API token is not known";
    return {};
  }
  auto now = now_ms();
  if (token->revoked_at) {
    out.problem = "the API token is revoked";
    return {};
  }
  if (token->expires_at && now >= *token->expires_at) {
    out.problem = "the API token expired";
    return {};
  }
  auto user = db.get_user(token->user_id);
  if (!user) {
    if (user.error().code == p::store_errc::unavailable) return fail(user.error());
    out.problem = "the API token's user no longer exists";
    return {};
  }
  if (user->disabled) {
    out.problem = "the API token's user is disabled";
    return {};
  }
  checked_caller caller;
  caller.who.authenticated = true;
  caller.who.user_id = user->id;
  caller.who.role = user->role;
  caller.who.permissions = stored_role_permissions(db, user->role);
  caller.user_name = user->username;
  caller.token_id = token->id;
  caller.expires_at = token->expires_at;
  out.caller = std::move(caller);
  return {};
}

}  // namespace

runtime::security::permission_set stored_role_permissions(persistence::security_store& db,
                                                          const std::string& name) {
  if (const auto* builtin = runtime::security::find_builtin_role(name)) return builtin->permissions;
  auto custom = db.get_role(name);
  if (!custom) return {};
  runtime::security::permission_set out;
  for (const auto& each : custom->permissions)
    if (auto parsed = runtime::security::parse_permission(each)) out.insert(*parsed);
  return out;
}

void lookup_api_token(const std::shared_ptr<node_context>& node, const std::string& token,
                      std::function<void(token_check)> done) {
  auto store = node->store();
  auto checks = node->authenticator();
  auto hash = runtime::crypto::sha256_hex(token);
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    auto out = std::make_shared<token_check>();
    if (!store || !checks) {
      out->problem = "the node's store is not running";
      return done(*out);
    }
    actors::store::security_read read{
        [out, hash](p::security_store& db) { return read_check(db, hash, *out); }};
    self->request(store, detail::ask_timeout, std::move(read))
        .then(
            [=](p::store_status& status) {
              if (!status) {
                out->caller.reset();
                out->problem = "the node's store is unavailable: " + status.error().message;
              } else if (out->caller) {
                checks->remember_api_token(hash, *out->caller, now_ms());
                caf::anon_send(store, p::write_request{{p::touch_api_token_op{out->caller->token_id}}});
              }
              done(*out);
            },
            [=](caf::error&) {
              out->problem = "the node's store did not answer";
              done(*out);
            });
  });
}

}  // namespace auraos::gateway::auth
