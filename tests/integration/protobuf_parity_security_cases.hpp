#pragma once
// Parity cases of the security routes: signing in and tokens, users, roles and the audit log
// (see protobuf_parity.hpp).
//
// Why a second node: the suite's own node runs without --auth, where the token routes answer
// only 409 ("authentication is off"), `me` an anonymous caller and the audit log stays empty
// (only a node with --auth records calls). Comparing those alone would leave the token answers,
// the signed-in caller and the audit entries unchecked, so these cases run on `h.secured()`: a
// node started with --auth whose calls carry the first admin's access token (AURAOS_ADMIN_PASSWORD
// makes the admin at first start). The 409 and the anonymous `me` of the plain node are compared
// as well, since they are the answers a node on loopback gives.

#include <string>
#include <utility>

#include "tests/integration/protobuf_parity.hpp"

namespace auraos::test::parity {

/// Twin users: each has its own id and name, and the times it was stored.
inline const masks user_masks{"/id", "/username", "/createdAt", "/updatedAt"};
/// Twin grants: each has its own tokens and their expiry times.
inline const masks grant_masks{"/accessToken", "/expiresAt", "/refreshToken", "/refreshExpiresAt"};
/// Twin API tokens: each has its own id, token and times.
inline const masks api_token_masks{"/id", "/createdAt", "/expiresAt", "/token"};

/// The first admin's password grant.
inline json admin_grant() {
  return {{"username", "admin"}, {"password", admin_password}};
}

/// A new sign-in of the first admin on the secured node: its answer (access and refresh token).
inline json admin_sign_in(harness& s) {
  return s.expect(200, "POST", "/api/v1/auth/token", admin_grant());
}

/// A new API token of the first admin named `name`: its answer (with `id` and `token`).
inline json admin_api_token(harness& s, const std::string& name) {
  return s.expect(201, "POST", "/api/v1/auth/api-tokens", json{{"name", name}});
}

/// A new user `name` with role viewer on the secured node: its id.
inline std::string new_user(harness& s, const std::string& name) {
  return s
      .expect(201, "POST", "/api/v1/users",
              json{{"username", name}, {"password", "parity-password"}, {"role", "viewer"}})
      .at("id");
}

/// Two new users parity-NAME-a and -b: their ids.
inline std::pair<std::string, std::string> twin_users(harness& s, const std::string& name) {
  return {new_user(s, "parity-" + name + "-a"), new_user(s, "parity-" + name + "-b")};
}

/// Stores custom role `name` granting event:read and task:*.
inline void custom_role(harness& s, const std::string& name) {
  s.expect(200, "PUT", "/api/v1/roles/" + name, json{{"permissions", {"event:read", "task:*"}}});
}

/// The read fixture of the user and role reads: users parity-read-a and -b, role parity-read.
inline std::string read_fixture(harness& s) {
  return s.shared("security reads", [&] {
    custom_role(s, "parity-read");
    return json(twin_users(s, "read").first);
  });
}

/// The newest audit entry of `action` on `target`, once the store has it.
inline json audited(harness& s, const std::string& action, const std::string& target) {
  auto page = s.wait_for("/api/v1/audit?action=" + action + "&target=" + target,
                         [](const json& found) { return !found["items"].empty(); });
  return page["items"][0];
}

inline void add_auth_cases(case_table& cases) {
  cases["createAccessToken"] = [](harness& h) {
    // A node without --auth signs nobody in.
    request off{"POST", "/api/v1/auth/token", admin_grant()};
    h.same_answer("createAccessToken", 409, off, off);
    auto& s = h.secured();
    request password{"POST", "/api/v1/auth/token", admin_grant()};
    s.same_answer("createAccessToken", 200, password, password, grant_masks);
    // A refresh token is used up by its grant: one each.
    std::string first = admin_sign_in(s).at("refreshToken");
    std::string second = admin_sign_in(s).at("refreshToken");
    s.same_answer("createAccessToken", 200,
                  {"POST", "/api/v1/auth/token", json{{"refreshToken", first}}},
                  {"POST", "/api/v1/auth/token", json{{"refreshToken", second}}}, grant_masks);
    request wrong{"POST", "/api/v1/auth/token",
                  json{{"username", "admin"}, {"password", "not the password"}}};
    s.same_answer("createAccessToken", 401, wrong, wrong);
    // (A body both encodings can carry: an unknown field has no Protobuf form.)
    request too_long{"POST", "/api/v1/auth/token",
                     json{{"username", std::string(65, 'a')}, {"password", "x"}}};
    s.same_answer("createAccessToken", 422, too_long, too_long);
  };
  cases["revokeToken"] = [](harness& h) {
    auto& s = h.secured();
    std::string a = admin_sign_in(s).at("accessToken"), b = admin_sign_in(s).at("accessToken");
    s.same_answer("revokeToken", 204, {"POST", "/api/v1/auth/revoke", json{{"token", a}}},
                  {"POST", "/api/v1/auth/revoke", json{{"token", b}}});
    std::string x = admin_sign_in(s).at("refreshToken"), y = admin_sign_in(s).at("refreshToken");
    s.same_answer("revokeToken", 204, {"POST", "/api/v1/auth/revoke", json{{"token", x}}},
                  {"POST", "/api/v1/auth/revoke", json{{"token", y}}});
    request foreign{"POST", "/api/v1/auth/revoke", json{{"token", "not-a-token"}}};
    s.same_answer("revokeToken", 422, foreign, foreign);
  };
  cases["getCurrentUser"] = [](harness& h) {
    // Without --auth: anonymous, with every permission.
    h.same_read("getCurrentUser", "/api/v1/auth/me");
    auto& s = h.secured();
    s.same_read("getCurrentUser", "/api/v1/auth/me");
    // An API token speaks for the same user.
    std::string token = admin_api_token(s, "parity-me").at("token");
    request with_token{
        "GET", "/api/v1/auth/me", std::nullopt, {{"Authorization", "Bearer " + token}}};
    s.same_answer("getCurrentUser", 200, with_token, with_token);
  };
  cases["createApiToken"] = [](harness& h) {
    auto& s = h.secured();
    request make{"POST", "/api/v1/auth/api-tokens",
                 json{{"name", "parity-create"}, {"expiresInDays", 30}}};
    s.same_answer("createApiToken", 201, make, make, api_token_masks);
    request forever{"POST", "/api/v1/auth/api-tokens",
                    json{{"name", "parity-forever"}, {"expiresInDays", nullptr}}};
    s.same_answer("createApiToken", 201, forever, forever, api_token_masks);
    request bad{"POST", "/api/v1/auth/api-tokens", json{{"name", "x"}, {"expiresInDays", 0}}};
    s.same_answer("createApiToken", 422, bad, bad);
  };
  cases["listApiTokens"] = [](harness& h) {
    auto& s = h.secured();
    s.shared("listed api token", [&] { return admin_api_token(s, "parity-listed"); });
    s.same_read("listApiTokens", "/api/v1/auth/api-tokens");
  };
  cases["deleteApiToken"] = [](harness& h) {
    auto& s = h.secured();
    std::string a = admin_api_token(s, "parity-delete-a").at("id");
    std::string b = admin_api_token(s, "parity-delete-b").at("id");
    s.same_answer("deleteApiToken", 204, {"DELETE", "/api/v1/auth/api-tokens/" + a},
                  {"DELETE", "/api/v1/auth/api-tokens/" + b});
  };
}

inline void add_user_cases(case_table& cases) {
  cases["createUser"] = [](harness& h) {
    auto& s = h.secured();
    auto body = [](const std::string& name) {
      return json{{"username", name}, {"password", "parity-password"}, {"role", "operator"}};
    };
    s.same_answer("createUser", 201, {"POST", "/api/v1/users", body("parity-create-a")},
                  {"POST", "/api/v1/users", body("parity-create-b")}, user_masks);
    request taken{"POST", "/api/v1/users", body("parity-create-a")};
    s.same_answer("createUser", 409, taken, taken);
    auto short_password = body("parity-short");
    short_password["password"] = "short";
    request bad{"POST", "/api/v1/users", short_password};
    s.same_answer("createUser", 422, bad, bad);
  };
  cases["listUsers"] = [](harness& h) {
    auto& s = h.secured();
    read_fixture(s);
    s.same_read("listUsers", "/api/v1/users");
    s.same_read("listUsers", "/api/v1/users?limit=1");
  };
  cases["getUser"] = [](harness& h) {
    auto& s = h.secured();
    s.same_read("getUser", "/api/v1/users/" + read_fixture(s));
    s.same_read("getUser", "/api/v1/users/parity-none", 404);
  };
  cases["updateUser"] = [](harness& h) {
    auto& s = h.secured();
    auto [a, b] = twin_users(s, "update");
    json change{{"role", "operator"}, {"password", "another-password"}, {"disabled", true}};
    s.same_answer("updateUser", 200, {"PATCH", "/api/v1/users/" + a, change},
                  {"PATCH", "/api/v1/users/" + b, change}, user_masks);
    request no_role{"PATCH", "/api/v1/users/" + a, json{{"role", "parity-none"}}};
    s.same_answer("updateUser", 404, no_role, no_role);
  };
  cases["deleteUser"] = [](harness& h) {
    auto& s = h.secured();
    auto [a, b] = twin_users(s, "delete");
    s.same_answer("deleteUser", 204, {"DELETE", "/api/v1/users/" + a},
                  {"DELETE", "/api/v1/users/" + b});
  };
  cases["listRoles"] = [](harness& h) {
    auto& s = h.secured();
    read_fixture(s);
    s.same_read("listRoles", "/api/v1/roles");
  };
  cases["getRole"] = [](harness& h) {
    auto& s = h.secured();
    read_fixture(s);
    s.same_read("getRole", "/api/v1/roles/operator");
    s.same_read("getRole", "/api/v1/roles/parity-read");
    s.same_read("getRole", "/api/v1/roles/parity-none", 404);
  };
  cases["putRole"] = [](harness& h) {
    auto& s = h.secured();
    json body{{"permissions", {"workflow:read", "execution:start", "workflow:read"}}};
    // Each role has its own name.
    s.same_answer("putRole", 200, {"PUT", "/api/v1/roles/parity-put-a", body},
                  {"PUT", "/api/v1/roles/parity-put-b", body}, {"/name"});
    request builtin{"PUT", "/api/v1/roles/viewer", body};
    s.same_answer("putRole", 409, builtin, builtin);
    request unknown{"PUT", "/api/v1/roles/parity-put-a", json{{"permissions", {"root"}}}};
    s.same_answer("putRole", 422, unknown, unknown);
  };
  cases["deleteRole"] = [](harness& h) {
    auto& s = h.secured();
    custom_role(s, "parity-delete-a");
    custom_role(s, "parity-delete-b");
    s.same_answer("deleteRole", 204, {"DELETE", "/api/v1/roles/parity-delete-a"},
                  {"DELETE", "/api/v1/roles/parity-delete-b"});
    request builtin{"DELETE", "/api/v1/roles/admin"};
    s.same_answer("deleteRole", 409, builtin, builtin);
  };
}

inline void add_audit_cases(case_table& cases) {
  cases["listAuditEntries"] = [](harness& h) {
    auto& s = h.secured();
    custom_role(s, "parity-audited");
    audited(s, "putRole", "parity-audited");
    s.same_read("listAuditEntries", "/api/v1/audit?action=putRole&target=parity-audited");
    s.same_read("listAuditEntries", "/api/v1/audit?outcome=allowed&limit=2");
    s.same_read("listAuditEntries", "/api/v1/audit?outcome=maybe", 400);
  };
  cases["getAuditReport"] = [](harness& h) {
    auto& s = h.secured();
    custom_role(s, "parity-report");
    // Entries take the store's clock when committed, so a frame that ends at a stored entry
    // gains no entry later: both calls count the same.
    std::string end = audited(s, "putRole", "parity-report").at("at");
    s.same_read("getAuditReport", "/api/v1/audit/report?from=2020-01-01T00:00:00Z&to=" + end);
    s.same_read("getAuditReport", "/api/v1/audit/report?from=" + end + "&to=2020-01-01T00:00:00Z",
                400);
  };
}

/// Every security case.
inline void add_security_cases(case_table& cases) {
  add_auth_cases(cases);
  add_user_cases(cases);
  add_audit_cases(cases);
}

}  // namespace auraos::test::parity
