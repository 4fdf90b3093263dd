// API tokens of the signed-in caller: create (the token is shown once), list, revoke.

#include <nlohmann/json.hpp>

#include "gateway/auth/auth_routes.hpp"
#include "gateway/auth/authenticator.hpp"
#include "gateway/auth/body_fields.hpp"
#include "gateway/auth/security_calls.hpp"
#include "gateway/auth/security_json.hpp"
#include "gateway/auth/wall_clock.hpp"
#include "runtime/crypto/random.hpp"

namespace auraos::gateway::auth {
namespace {

namespace p = persistence;
using ctx = std::shared_ptr<node_context>;
using json = nlohmann::json;

/// The longest an API token may live, and the longest a revoked one stays in the revoked set.
constexpr std::int64_t max_days = 3650;
constexpr std::int64_t day_ms = 86400000;

/// The checks common to these routes: authentication on and a signed-in caller.
std::optional<api_error> refused(const ctx& node, const http_request& request) {
  if (!node->authenticator()) return auth_off_error();
  if (!request.caller.authenticated)
    return make_error(errc::unauthorized, "API tokens belong to a signed-in user");
  return std::nullopt;
}

void create(const ctx& node, const http_request& request, responder respond) {
  auto body = object_body(request);  // a malformed body is 400 whether or not auth is on
  if (!body) return void(respond(error_response(body.error())));
  if (auto problem = refused(node, request)) return void(respond(error_response(*problem)));
  if (auto unknown = unknown_field(*body, {"name", "expiresInDays"}))
    return void(respond(error_response(*unknown)));
  auto name = string_field(*body, "name", true, 100);
  if (!name) return void(respond(error_response(name.error())));
  p::api_token_record record;
  record.user_id = request.caller.user_id;
  record.name = **name;
  if (body->contains("expiresInDays") && !(*body)["expiresInDays"].is_null()) {
    const auto& days = (*body)["expiresInDays"];
    if (!days.is_number_integer() || days.get<std::int64_t>() < 1 ||
        days.get<std::int64_t>() > max_days)
      return void(respond(error_response(make_error(
          errc::invalid_input, "body: 'expiresInDays' must be a whole number from 1 to 3650"))));
    record.expires_at = now_ms() + days.get<std::int64_t>() * day_ms;
  }
  auto plain = std::string{api_token_prefix} + runtime::crypto::random_token();
  record.token_hash = runtime::crypto::sha256_hex(plain);
  write_security(node, respond, {p::create_api_token_op{std::move(record)}},
                 [respond, plain](std::vector<p::op_result>& results) {
                   auto response = json_response(
                       201, api_token_json(std::get<p::api_token_record>(results.front()), plain));
                   response.headers.set("Cache-Control", "no-store");
                   respond(std::move(response));
                 });
}

void list(const ctx& node, const http_request& request, responder respond) {
  if (auto problem = refused(node, request)) return void(respond(error_response(*problem)));
  auto user = request.caller.user_id;
  read_security<std::vector<p::api_token_record>>(
      node, respond, [user](p::security_store& db) { return db.list_api_tokens(user); },
      [respond](std::vector<p::api_token_record>& tokens) {
        auto items = json::array();
        for (const auto& each : tokens) items.push_back(api_token_json(each));
        respond(json_response(200, {{"items", items}}));
      });
}

void revoke(const ctx& node, const http_request& request, const std::string& id,
            responder respond) {
  if (auto problem = refused(node, request)) return void(respond(error_response(*problem)));
  auto caller = request.caller;
  // Only the owner (or an admin) may revoke a token; others are told it does not exist.
  read_security<std::optional<p::api_token_record>>(
      node, respond,
      [caller, id](p::security_store& db) -> p::store_result<std::optional<p::api_token_record>> {
        auto own = db.list_api_tokens(caller.user_id);
        if (!own) return fail(own.error());
        for (auto& each : *own)
          if (each.id == id) return std::optional<p::api_token_record>{std::move(each)};
        return std::optional<p::api_token_record>{};
      },
      [node, caller, id, respond](std::optional<p::api_token_record>& own) {
        if (!own && caller.role != "admin")
          return void(respond(
              error_response(make_error(errc::not_found, "no API token with id '" + id + "'"))));
        auto until = own && own->expires_at ? *own->expires_at : now_ms() + max_days * day_ms;
        write_security(node, respond, {p::revoke_api_token_op{id}, p::revoke_token_op{id, until}},
                       [respond](std::vector<p::op_result>&) {
                         respond(http_response{204, {}, "", "application/json"});
                       });
      });
}

}  // namespace

void add_api_token_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("POST", "/api/v1/auth/api-tokens",
             [node](const http_request& request, const path_params&, responder respond) {
               create(node, request, std::move(respond));
             });
  routes.add("GET", "/api/v1/auth/api-tokens",
             [node](const http_request& request, const path_params&, responder respond) {
               list(node, request, std::move(respond));
             });
  routes.add("DELETE", "/api/v1/auth/api-tokens/{id}",
             [node](const http_request& request, const path_params& params, responder respond) {
               revoke(node, request, params.at("id"), std::move(respond));
             });
}

}  // namespace auraos::gateway::auth
