// Users (create with a password, list, read, change role/password/disabled, delete) and
// roles (the built-in ones and custom ones over REST). A change that takes rights away revokes
// the user's tokens issued before it, on every node.

#include <caf/event_based_actor.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "gateway/auth/auth_routes.hpp"
#include "gateway/auth/authenticator.hpp"
#include "gateway/auth/body_fields.hpp"
#include "gateway/auth/security_calls.hpp"
#include "gateway/auth/security_json.hpp"
#include "gateway/auth/wall_clock.hpp"
#include "gateway/pagination.hpp"
#include "runtime/crypto/password_hash.hpp"
#include "runtime/security/roles.hpp"

namespace auraos::gateway::auth {
namespace {

namespace p = persistence;
namespace sec = runtime::security;
using ctx = std::shared_ptr<node_context>;
using json = nlohmann::json;

/// The shortest password a user may be given.
constexpr std::size_t min_password = 8;

/// A username: 1 to 64 characters of letters, digits and . _ @ -.
std::optional<api_error> bad_username(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 64 &&
            name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                   "0123456789._@-") == std::string::npos;
  if (ok) return std::nullopt;
  return make_error(errc::invalid_input,
                    "body: 'username' must have 1 to 64 letters, digits or . _ @ -");
}

std::optional<api_error> bad_password(const std::string& password) {
  if (password.size() >= min_password) return std::nullopt;
  return make_error(errc::invalid_input, "body: 'password' must have at least 8 characters");
}

/// The revocation of every token `user_id` holds now (kept as long as an access token lives,
/// and as long as an API token's lookup is remembered).
p::write_op revoke_user(const ctx& node, const std::string& user_id) {
  auto now = now_ms();
  auto checks = node->authenticator();
  auto keep = checks ? std::chrono::duration_cast<std::chrono::milliseconds>(
                           checks->settings().access_token_ttl)
                           .count()
                     : 3600000;
  return p::revoke_token_op{user_revocation_entry(user_id, now), now + keep + 60000};
}

/// Checks that `role` exists (built-in or custom), then calls `then`.
void with_known_role(const ctx& node, responder respond, const std::string& role,
                     std::function<void()> then) {
  if (sec::find_builtin_role(role)) return then();
  read_security<p::role_record>(
      node, respond, [role](p::security_store& db) { return db.get_role(role); },
      [then](p::role_record&) { then(); });
}

/// Hashes `password` off the io threads, then calls `then(hash)`.
void hashed(const ctx& node, responder respond, std::string password,
            std::function<void(std::string)> then) {
  detail::spawn_asker(node->system(), [=](caf::event_based_actor*) {
    auto hash = runtime::crypto::hash_password(password);
    if (!hash)
      return void(respond(error_response(make_error(errc::unavailable, "hashing: " + hash.error()))));
    then(std::move(*hash));
  });
}

void create_user(const ctx& node, const http_request& request, responder respond) {
  auto body = object_body(request);
  if (!body) return void(respond(error_response(body.error())));
  if (auto unknown = unknown_field(*body, {"username", "password", "role"}))
    return void(respond(error_response(*unknown)));
  auto username = string_field(*body, "username", true, 64);
  if (!username) return void(respond(error_response(username.error())));
  if (auto bad = bad_username(**username)) return void(respond(error_response(*bad)));
  auto password = string_field(*body, "password", true, 1024);
  if (!password) return void(respond(error_response(password.error())));
  if (auto bad = bad_password(**password)) return void(respond(error_response(*bad)));
  auto role = string_field(*body, "role", true, 64);
  if (!role) return void(respond(error_response(role.error())));
  p::user_record user;
  user.username = **username;
  user.role = **role;
  with_known_role(node, respond, user.role, [=] {
    hashed(node, respond, **password, [=](std::string hash) mutable {
      user.password_hash = std::move(hash);
      write_security(node, respond, {p::create_user_op{user}},
                     [respond](std::vector<p::op_result>& results) {
                       respond(json_response(201, user_json(std::get<p::user_record>(results[0]))));
                     });
    });
  });
}

void list_users(const ctx& node, const http_request& request, responder respond) {
  auto page = parse_page_request(request);
  if (!page) return void(respond(error_response(page.error())));
  p::page_request query;
  query.limit = page->limit;
  if (!page->position.empty()) query.cursor = page->position;
  read_security<p::page<p::user_record>>(
      node, respond, [query](p::security_store& db) { return db.list_users(query); },
      [respond](p::page<p::user_record>& users) {
        auto items = json::array();
        for (const auto& each : users.items) items.push_back(user_json(each));
        respond(page_response(items, users.next_cursor));
      });
}

void get_user(const ctx& node, const std::string& id, responder respond) {
  read_security<p::user_record>(
      node, respond, [id](p::security_store& db) { return db.get_user(id); },
      [respond](p::user_record& user) { respond(json_response(200, user_json(user))); });
}

void update_user(const ctx& node, const http_request& request, const std::string& id,
                 responder respond) {
  auto body = object_body(request);
  if (!body) return void(respond(error_response(body.error())));
  if (auto unknown = unknown_field(*body, {"role", "password", "disabled"}))
    return void(respond(error_response(*unknown)));
  p::user_update update;
  update.id = id;
  auto role = string_field(*body, "role", false, 64);
  if (!role) return void(respond(error_response(role.error())));
  update.role = *role;
  auto password = string_field(*body, "password", false, 1024);
  if (!password) return void(respond(error_response(password.error())));
  if (*password)
    if (auto bad = bad_password(**password)) return void(respond(error_response(*bad)));
  if (body->contains("disabled")) {
    if (!(*body)["disabled"].is_boolean())
      return void(respond(error_response(
          make_error(errc::invalid_input, "body: 'disabled' must be true or false"))));
    update.disabled = (*body)["disabled"].get<bool>();
  }
  auto store_it = [node, respond, id](p::user_update change) {
    // Any change of role, password or state ends the sessions the user had.
    write_security(node, respond, {p::update_user_op{std::move(change)}, revoke_user(node, id)},
                   [respond](std::vector<p::op_result>& results) {
                     respond(json_response(200, user_json(std::get<p::user_record>(results[0]))));
                   });
  };
  auto with_password = [=](p::user_update change) {
    if (!*password) return store_it(std::move(change));
    hashed(node, respond, **password, [=](std::string hash) mutable {
      change.password_hash = std::move(hash);
      store_it(std::move(change));
    });
  };
  if (update.role) return with_known_role(node, respond, *update.role, [=] { with_password(update); });
  with_password(update);
}

void delete_user(const ctx& node, const std::string& id, responder respond) {
  write_security(node, respond, {p::delete_user_op{id}, revoke_user(node, id)},
                 [respond](std::vector<p::op_result>&) {
                   respond(http_response{204, {}, "", "application/json"});
                 });
}

/// A custom role's permissions as a set (unknown names were refused when it was stored).
sec::permission_set permissions_of(const p::role_record& role) {
  sec::permission_set out;
  for (const auto& each : role.permissions)
    if (auto parsed = sec::parse_permission(each)) out.insert(*parsed);
  return out;
}

void list_roles(const ctx& node, responder respond) {
  read_security<std::vector<p::role_record>>(
      node, respond, [](p::security_store& db) { return db.list_roles(); },
      [respond](std::vector<p::role_record>& custom) {
        auto items = json::array();
        for (const auto& each : sec::builtin_roles())
          items.push_back(role_json(each.name, each.permissions, true));
        for (const auto& each : custom)
          items.push_back(role_json(each.name, permissions_of(each), false));
        respond(json_response(200, {{"items", items}}));
      });
}

void get_role(const ctx& node, const std::string& name, responder respond) {
  if (const auto* builtin = sec::find_builtin_role(name))
    return void(respond(json_response(200, role_json(name, builtin->permissions, true))));
  read_security<p::role_record>(
      node, respond, [name](p::security_store& db) { return db.get_role(name); },
      [respond](p::role_record& role) {
        respond(json_response(200, role_json(role.name, permissions_of(role), false)));
      });
}

void put_role(const ctx& node, const http_request& request, const std::string& name,
              responder respond) {
  if (sec::find_builtin_role(name))
    return void(respond(error_response(
        make_error(errc::conflict, "role '" + name + "' is built in and cannot be changed"))));
  auto body = object_body(request);
  if (!body) return void(respond(error_response(body.error())));
  if (auto unknown = unknown_field(*body, {"permissions"}))
    return void(respond(error_response(*unknown)));
  if (!body->contains("permissions") || !(*body)["permissions"].is_array())
    return void(respond(error_response(
        make_error(errc::invalid_input, "body: 'permissions' must be an array of names"))));
  sec::permission_set permissions;
  std::size_t at = 0;
  for (const auto& each : (*body)["permissions"]) {
    auto parsed = each.is_string() ? sec::parse_permission(each.get<std::string>())
                                   : fail(std::string{"not a string"});
    if (!parsed)
      return void(respond(error_response(make_error(
          errc::invalid_input, fmt::format("body: permissions[{}]: {}", at, parsed.error())))));
    permissions.insert(*parsed);
    ++at;
  }
  auto role = sec::make_custom_role(name, permissions);
  if (!role)
    return void(respond(error_response(make_error(errc::invalid_input, "role: " + role.error()))));
  p::role_record record;
  record.name = name;
  for (auto each : role->permissions) record.permissions.emplace_back(sec::to_string(each));
  write_security(node, respond, {p::put_role_op{std::move(record)}},
                 [respond](std::vector<p::op_result>& results) {
                   const auto& stored = std::get<p::role_record>(results[0]);
                   respond(json_response(200, role_json(stored.name, permissions_of(stored), false)));
                 });
}

void delete_role(const ctx& node, const std::string& name, responder respond) {
  if (sec::find_builtin_role(name))
    return void(respond(error_response(
        make_error(errc::conflict, "role '" + name + "' is built in and cannot be deleted"))));
  write_security(node, respond, {p::delete_role_op{name}}, [respond](std::vector<p::op_result>&) {
    respond(http_response{204, {}, "", "application/json"});
  });
}

}  // namespace

void add_user_routes(router& routes, std::shared_ptr<node_context> node) {
  using req = const http_request&;
  using params = const path_params&;
  routes.add("POST", "/api/v1/users",
             [node](req r, params, responder respond) { create_user(node, r, std::move(respond)); });
  routes.add("GET", "/api/v1/users",
             [node](req r, params, responder respond) { list_users(node, r, std::move(respond)); });
  routes.add("GET", "/api/v1/users/{id}", [node](req, params p, responder respond) {
    get_user(node, p.at("id"), std::move(respond));
  });
  routes.add("PATCH", "/api/v1/users/{id}", [node](req r, params p, responder respond) {
    update_user(node, r, p.at("id"), std::move(respond));
  });
  routes.add("DELETE", "/api/v1/users/{id}", [node](req, params p, responder respond) {
    delete_user(node, p.at("id"), std::move(respond));
  });
  routes.add("GET", "/api/v1/roles",
             [node](req, params, responder respond) { list_roles(node, std::move(respond)); });
  routes.add("GET", "/api/v1/roles/{name}", [node](req, params p, responder respond) {
    get_role(node, p.at("name"), std::move(respond));
  });
  routes.add("PUT", "/api/v1/roles/{name}", [node](req r, params p, responder respond) {
    put_role(node, r, p.at("name"), std::move(respond));
  });
  routes.add("DELETE", "/api/v1/roles/{name}", [node](req, params p, responder respond) {
    delete_role(node, p.at("name"), std::move(respond));
  });
}

}  // namespace auraos::gateway::auth
