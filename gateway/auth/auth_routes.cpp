// Sign-in (password and refresh-token grants), revocation and "who am I".

#include <caf/event_based_actor.hpp>
#include <nlohmann/json.hpp>

#include "gateway/auth/api_token_lookup.hpp"
#include "gateway/auth/auth_filter.hpp"
#include "gateway/auth/auth_routes.hpp"
#include "gateway/auth/authenticator.hpp"
#include "gateway/auth/body_fields.hpp"
#include "gateway/auth/security_calls.hpp"
#include "gateway/auth/security_json.hpp"
#include "gateway/auth/wall_clock.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/crypto/jwt.hpp"
#include "runtime/crypto/password_hash.hpp"
#include "runtime/crypto/random.hpp"

namespace auraos::gateway::auth {
namespace {

namespace p = persistence;
namespace sec = runtime::security;
using ctx = std::shared_ptr<node_context>;
using json = nlohmann::json;

/// The one answer to every failed sign-in: it does not tell which part was wrong.
http_response bad_credentials() {
  auto response =
      error_response(make_error(errc::unauthorized, "sign-in refused: wrong username or password"));
  response.headers.set("WWW-Authenticate", "Bearer");
  return response;
}

http_response unauthorized(const std::string& why) {
  auto response = error_response(make_error(errc::unauthorized, why));
  response.headers.set("WWW-Authenticate", "Bearer");
  return response;
}

/// A user with the permissions of their role, as read for a sign-in.
struct signing_user {
  std::optional<p::user_record> user;
  sec::permission_set permissions;
};

/// A new refresh token: its text (shown once) and what is stored of it.
struct new_refresh_token {
  std::string plain;
  std::string hash;
  std::int64_t expires_at = 0;
};

new_refresh_token make_refresh_token(const authenticator& checks) {
  new_refresh_token out;
  out.plain = std::string{refresh_token_prefix} + runtime::crypto::random_token();
  out.hash = runtime::crypto::sha256_hex(out.plain);
  out.expires_at =
      now_ms() +
      std::chrono::duration_cast<std::chrono::milliseconds>(checks.settings().refresh_token_ttl)
          .count();
  return out;
}

/// Answers a grant: a new access token for `who` with the refresh token stored for them.
void answer_tokens(const ctx& node, const signing_user& who, const new_refresh_token& refresh,
                   const responder& respond) {
  auto checks = node->authenticator();
  const auto& user = *who.user;
  auto access = checks->issue(user.id, user.username, user.role, who.permissions);
  json body = {{"accessToken", access.token},
               {"tokenType", "Bearer"},
               {"expiresIn", checks->settings().access_token_ttl.count()},
               {"expiresAt", rfc3339_utc(access.expires_at)},
               {"refreshToken", refresh.plain},
               {"refreshExpiresAt", rfc3339_utc(refresh.expires_at)},
               {"user",
                {{"id", user.id},
                 {"username", user.username},
                 {"role", user.role},
                 {"permissions", permissions_json(who.permissions)}}}};
  auto response = json_response(200, body);
  response.headers.set("Cache-Control", "no-store");
  respond(std::move(response));
}

/// Reads `username`'s user with their role's permissions (no user: an empty `user`).
void read_signing_user(const ctx& node, responder respond, std::string username,
                       std::function<void(signing_user&)> then) {
  read_security<signing_user>(
      node, respond,
      [username](p::security_store& db) -> p::store_result<signing_user> {
        signing_user out;
        auto user = db.get_user_by_name(username);
        if (!user && user.error().code != p::store_errc::not_found) return fail(user.error());
        if (user) {
          out.permissions = stored_role_permissions(db, user->role);
          out.user = std::move(*user);
        }
        return out;
      },
      std::move(then));
}

/// A hash to check wrong usernames against, so both failures take as long.
const std::string& decoy_hash() {
  static const std::string hash = [] {
    auto made = runtime::crypto::hash_password("decoy password");
    return made ? *made : std::string{};
  }();
  return hash;
}

void password_grant(const ctx& node, std::string username, std::string password,
                    responder respond) {
  read_signing_user(node, respond, username, [node, password, respond](signing_user& found) {
    // Runs on an asker actor: argon2id takes tens of milliseconds, never on an io thread.
    bool good = found.user ? runtime::crypto::verify_password(password, found.user->password_hash)
                           : (runtime::crypto::verify_password(password, decoy_hash()), false);
    if (!good || found.user->disabled) return void(respond(bad_credentials()));
    auto refresh = make_refresh_token(*node->authenticator());
    p::refresh_token_record record;
    record.user_id = found.user->id;
    record.token_hash = refresh.hash;
    record.expires_at = refresh.expires_at;
    write_security(node, respond, {p::create_refresh_token_op{std::move(record)}},
                   [node, found, refresh, respond](std::vector<p::op_result>&) {
                     answer_tokens(node, found, refresh, respond);
                   });
  });
}

void refresh_grant(const ctx& node, const std::string& refresh, responder respond) {
  auto next = make_refresh_token(*node->authenticator());
  p::rotate_refresh_token_op rotate;
  rotate.old_hash = runtime::crypto::sha256_hex(refresh);
  rotate.next_hash = next.hash;
  rotate.next_expires_at = next.expires_at;
  auto store = node->store();
  detail::spawn_asker(node->system(), [=](caf::event_based_actor* self) {
    detail::ask_from<p::write_outcome>(
        self, store, respond,
        [=](p::write_outcome& outcome) {
          if (!outcome) {
            auto code = outcome.error().code;
            if (code == p::store_errc::unavailable)
              return void(respond(error_response(store_api_error(outcome.error()))));
            return void(respond(unauthorized(
                code == p::store_errc::conflict
                    ? "the refresh token is expired, revoked or used already; sign in again"
                    : "the refresh token is not known; sign in again")));
          }
          auto user_id = std::get<p::refresh_token_record>(outcome->front()).user_id;
          read_security<signing_user>(
              node, respond,
              [user_id](p::security_store& db) -> p::store_result<signing_user> {
                signing_user out;
                auto user = db.get_user(user_id);
                if (!user && user.error().code != p::store_errc::not_found)
                  return fail(user.error());
                if (user) {
                  out.permissions = stored_role_permissions(db, user->role);
                  out.user = std::move(*user);
                }
                return out;
              },
              [node, next, respond](signing_user& found) {
                if (!found.user || found.user->disabled)
                  return void(respond(unauthorized("the refresh token's user is disabled or gone")));
                answer_tokens(node, found, next, respond);
              });
        },
        p::write_request{{std::move(rotate)}});
  });
}

void create_token(const ctx& node, const http_request& request, responder respond) {
  auto body = object_body(request);  // a malformed body is 400 whether or not auth is on
  if (!body) return void(respond(error_response(body.error())));
  if (!node->authenticator()) return void(respond(error_response(auth_off_error())));
  if (auto unknown = unknown_field(*body, {"username", "password", "refreshToken"}))
    return void(respond(error_response(*unknown)));
  auto refresh = string_field(*body, "refreshToken", false, 200);
  if (!refresh) return void(respond(error_response(refresh.error())));
  if (*refresh) return refresh_grant(node, **refresh, std::move(respond));
  auto username = string_field(*body, "username", true, 64);
  if (!username) return void(respond(error_response(username.error())));
  auto password = string_field(*body, "password", true, 1024);
  if (!password) return void(respond(error_response(password.error())));
  password_grant(node, **username, **password, std::move(respond));
}

/// The op that revokes the access token `token` (a JWT of this node), or why it cannot.
result<p::write_op, api_error> access_revocation(const ctx& node, const http_request& request,
                                                 const std::string& token) {
  auto claims = runtime::crypto::verify_token(token, *node->authenticator()->signing());
  if (!claims)
    return fail(make_error(errc::invalid_input, "body: 'token' is not a token of this node"));
  bool own = claims->subject == request.caller.user_id;
  bool admin = request.caller.role == "admin";
  if (!own && !admin)
    return fail(make_error(errc::forbidden, "revoking another user's token needs permission admin"));
  auto expires_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        claims->expires_at.time_since_epoch())
                        .count();
  return p::write_op{p::revoke_token_op{claims->token_id, expires_ms}};
}

void revoke(const ctx& node, const http_request& request, responder respond) {
  std::optional<nlohmann::json> body;
  if (!request.body.empty()) {  // a malformed body is 400 whether or not auth is on
    auto parsed = object_body(request);
    if (!parsed) return void(respond(error_response(parsed.error())));
    body = std::move(*parsed);
  }
  if (!node->authenticator()) return void(respond(error_response(auth_off_error())));
  std::string token = bearer_token(request, false);
  if (body) {
    if (auto unknown = unknown_field(*body, {"token"})) return void(respond(error_response(*unknown)));
    auto named = string_field(*body, "token", false, 4096);
    if (!named) return void(respond(error_response(named.error())));
    if (*named) token = **named;
  }
  auto done = [respond](std::vector<p::op_result>&) { respond(http_response{204, {}, "", "application/json"}); };
  auto caller = request.caller;
  auto prefixed = [&token](std::string_view prefix) { return token.rfind(prefix, 0) == 0; };
  if (!prefixed(api_token_prefix) && !prefixed(refresh_token_prefix)) {
    auto op = access_revocation(node, request, token);
    if (!op) return void(respond(error_response(op.error())));
    return write_security(node, respond, {std::move(*op)}, done);
  }
  // An API or refresh token: find whose it is first.
  struct found_token {
    std::string id;
    std::string user_id;
    std::int64_t expires_at = 0;
    bool api = false;
  };
  auto hash = runtime::crypto::sha256_hex(token);
  bool api = prefixed(api_token_prefix);
  read_security<found_token>(
      node, respond,
      [hash, api](p::security_store& db) -> p::store_result<found_token> {
        if (api) {
          auto row = db.find_api_token(hash);
          if (!row) return fail(row.error());
          return found_token{row->id, row->user_id, row->expires_at.value_or(0), true};
        }
        auto row = db.find_refresh_token(hash);
        if (!row) return fail(row.error());
        return found_token{row->id, row->user_id, row->expires_at, false};
      },
      [node, caller, respond, done](found_token& found) {
        if (found.user_id != caller.user_id && caller.role != "admin")
          return void(respond(error_response(
              make_error(errc::forbidden, "revoking another user's token needs permission admin"))));
        std::vector<p::write_op> ops;
        if (found.api) {
          // A long-lived API token stays in the revoked set until it would have expired.
          auto until = found.expires_at ? found.expires_at : now_ms() + 10LL * 365 * 86400000;
          ops.push_back(p::revoke_api_token_op{found.id});
          ops.push_back(p::revoke_token_op{found.id, until});
        } else {
          ops.push_back(p::revoke_refresh_token_op{found.id});
        }
        write_security(node, respond, std::move(ops), done);
      });
}

void me(const ctx& node, const http_request& request, responder respond) {
  auto checks = node->authenticator();
  const auto& caller = request.caller;
  json body = {{"authEnabled", static_cast<bool>(checks)},
               {"authenticated", caller.authenticated},
               {"id", caller.authenticated ? json(caller.user_id) : json(nullptr)},
               {"username", caller.authenticated ? json(caller.user_name) : json(nullptr)},
               {"role", caller.authenticated ? json(caller.role) : json(nullptr)},
               {"permissions", json::array()}};
  if (!checks) {
    // Without authentication every call is allowed.
    body["permissions"] = permissions_json(sec::all_permissions());
    return void(respond(json_response(200, body)));
  }
  auto token = bearer_token(request, false);
  auto check = checks->check(token, now_ms());
  if (check.caller) body["permissions"] = permissions_json(check.caller->who.permissions);
  if (!check.needs_lookup) return void(respond(json_response(200, body)));
  lookup_api_token(node, token, [body, respond](token_check found) mutable {
    if (found.caller) body["permissions"] = permissions_json(found.caller->who.permissions);
    respond(json_response(200, body));
  });
}

}  // namespace

void add_auth_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("POST", "/api/v1/auth/token",
             [node](const http_request& request, const path_params&, responder respond) {
               create_token(node, request, std::move(respond));
             });
  routes.add("POST", "/api/v1/auth/revoke",
             [node](const http_request& request, const path_params&, responder respond) {
               revoke(node, request, std::move(respond));
             });
  routes.add("GET", "/api/v1/auth/me",
             [node](const http_request& request, const path_params&, responder respond) {
               me(node, request, std::move(respond));
             });
}

}  // namespace auraos::gateway::auth
