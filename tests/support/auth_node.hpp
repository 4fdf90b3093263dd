#pragma once
// A real `auraos serve --auth` for the security tests: the first admin from the environment,
// and helpers that add users (with built-in or custom roles) and sign them in.

#include <map>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/api_client.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

/// The first admin's password in these tests.
inline constexpr const char* admin_password = "admin-password-1";

/// A ready node with authentication on, over a fresh data directory.
struct auth_node {
  /// Starts `auraos serve --auth` with `extra` arguments and waits until it is ready.
  explicit auth_node(std::vector<std::string> extra = {})
      : process(args(data, std::move(extra)), {{"AURAOS_ADMIN_PASSWORD", admin_password}}) {
    BOOST_TEST_REQUIRE(wait_ready(port, std::chrono::seconds(30)));
    admin_token = sign_in("admin", admin_password);
  }

  temp_dir data;
  serve_process process;
  std::uint16_t port = process.wait_for_port();
  std::string admin_token;

  /// One request, with `token` when not empty.
  api_reply call(const std::string& method, const std::string& target, const std::string& body,
                 const std::string& token, std::map<std::string, std::string> headers = {}) {
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    return api_call(port, method, target, body, std::move(headers));
  }

  /// Signs `username` in; the access token (requires 200).
  std::string sign_in(const std::string& username, const std::string& password) {
    auto reply = api_call(port, "POST", "/api/v1/auth/token",
                          nlohmann::json{{"username", username}, {"password", password}}.dump());
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    return reply.json["accessToken"].get<std::string>();
  }

  /// Adds user `username` with `role` (as the admin; requires 201); its id.
  std::string add_user(const std::string& username, const std::string& role,
                       const std::string& password = "user-password-1") {
    auto reply = call("POST", "/api/v1/users",
                      nlohmann::json{{"username", username}, {"password", password}, {"role", role}}
                          .dump(),
                      admin_token);
    BOOST_TEST_REQUIRE(reply.status == 201, reply.body);
    return reply.json["id"].get<std::string>();
  }

  /// Stores custom role `name` granting `permissions` (as the admin; requires 200).
  void put_role(const std::string& name, const std::vector<std::string>& permissions) {
    auto reply = call("PUT", "/api/v1/roles/" + name,
                      nlohmann::json{{"permissions", permissions}}.dump(), admin_token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
  }

  /// A signed-in user whose role is a custom role granting exactly `permissions`; its token.
  std::string token_with(const std::string& name, const std::vector<std::string>& permissions) {
    put_role(name, permissions);
    add_user(name + "-user", name);
    return sign_in(name + "-user", "user-password-1");
  }

 private:
  static std::vector<std::string> args(const temp_dir& data, std::vector<std::string> extra) {
    std::vector<std::string> out{"--http", "127.0.0.1:0", "--data-dir", data.path().string(),
                                 "--auth"};
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
  }
};

}  // namespace auraos::test
