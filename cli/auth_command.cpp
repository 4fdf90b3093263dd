// `auraos login`, `logout`, `whoami` and `token create|list|revoke`: signing in to a node that
// requires tokens (docs/security.md) and managing one's API tokens.

#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/client_output.hpp"
#include "cli/command.hpp"
#include "cli/credentials.hpp"
#include "cli/password_input.hpp"

namespace auraos::cli {
namespace {

struct login_flags {
  client_flags client;
  std::string username;
  bool password_stdin = false;
};

int login(const login_flags& flags) {
  auto server = resolve_server(flags.client.server, "-");
  if (!server) return usage_error(server.error());
  auto username = flags.username;
  if (username.empty()) {
    if (const char* env = std::getenv("AURAOS_USER"); env && *env) username = env;
  }
  if (username.empty()) return usage_error("login: give --username (or set AURAOS_USER)");
  auto password = read_password(flags.password_stdin, "Password: ", false);
  if (!password) return exit_invalid;
  nlohmann::json body = {{"username", username}, {"password", *password}};
  auto anonymous = flags.client;
  anonymous.token = "-";
  auto reply = call_checked(anonymous, "POST", "/api/v1/auth/token", body.dump());
  if (!reply) return reply.error();
  auto saved = login_of_answer(reply->body);
  if (!saved) {
    std::fprintf(stderr, "auraos: the node's answer holds no token\n");
    return exit_failed;
  }
  if (auto problem = save_login(server->url, *saved)) {
    std::fprintf(stderr, "auraos: %s\n", problem->c_str());
    return exit_failed;
  }
  auto answer = nlohmann::json::parse(reply->body, nullptr, false);
  auto role = answer.is_object() && answer.contains("user") ? answer["user"].value("role", "") : "";
  std::printf("signed in to %s as %s (role %s); the token is saved in %s\n", server->url.c_str(),
              saved->username.c_str(), role.c_str(), credentials_path().c_str());
  return exit_ok;
}

int logout(const client_flags& flags) {
  auto server = resolve_server(flags.server, "-");
  if (!server) return usage_error(server.error());
  auto saved = load_login(server->url);
  if (!saved) {
    std::printf("not signed in to %s\n", server->url.c_str());
    return exit_ok;
  }
  // End the session on the node too: the refresh token can no longer renew it.
  server->token = saved->access_token;
  nlohmann::json body = {{"token", saved->refresh_token}};
  if (!saved->refresh_token.empty()) call_node(*server, "POST", "/api/v1/auth/revoke", body.dump());
  body = {{"token", saved->access_token}};
  call_node(*server, "POST", "/api/v1/auth/revoke", body.dump());
  forget_login(server->url);
  std::printf("signed out of %s\n", server->url.c_str());
  return exit_ok;
}

void print_tokens(const nlohmann::json& answer) {
  if (!answer.contains("items")) return;
  for (const auto& each : answer["items"]) {
    auto text = [&each](const char* name) {
      return each.contains(name) && each[name].is_string() ? each[name].get<std::string>()
                                                           : std::string{"-"};
    };
    std::printf("%s  %s  created %s  expires %s  revoked %s\n", text("id").c_str(),
                text("name").c_str(), text("createdAt").c_str(), text("expiresAt").c_str(),
                text("revokedAt").c_str());
  }
}

void install(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<login_flags>();
  auto* in = app.add_subcommand(
      "login", "Sign in to a node that requires tokens and save the token for later commands");
  in->add_option("username,--username", flags->username, "User name (default $AURAOS_USER)");
  in->add_flag("--password-stdin", flags->password_stdin,
               "Read the password from standard input (else it is asked for)");
  flags->client.add_to(*in);
  in->callback([flags, &exit_code] { exit_code = login(*flags); });

  auto out_flags = std::make_shared<client_flags>();
  auto* out = app.add_subcommand("logout", "Revoke and forget the token saved for a node");
  out_flags->add_to(*out);
  out->callback([out_flags, &exit_code] { exit_code = logout(*out_flags); });

  add_call_command(app,
                   {.name = "whoami",
                    .description = "Show who the token is for: user, role and permissions",
                    .method = "GET",
                    .path = [](const std::vector<std::string>&) { return "/api/v1/auth/me"; }},
                   exit_code);

  auto* token = app.add_subcommand("token", "Create, list and revoke your API tokens");
  token->require_subcommand(1);
  add_call_commands(
      *token,
      {{.name = "create",
        .description = "Create an API token for programs (printed once: keep it)",
        .method = "POST",
        .arguments = {{"NAME", "What the token is for"}},
        .path = [](const std::vector<std::string>&) { return "/api/v1/auth/api-tokens"; },
        .body = {{"--expires-in-days", "expiresInDays", "Valid this many days (default: always)",
                  call_flag::value_kind::integer}},
        .argument_fields = {{0, "name"}}},
       {.name = "list",
        .description = "List your API tokens (never their values)",
        .method = "GET",
        .path = [](const std::vector<std::string>&) { return "/api/v1/auth/api-tokens"; },
        .table = print_tokens},
       {.name = "revoke",
        .description = "Revoke one of your API tokens on every node",
        .method = "DELETE",
        .arguments = {{"ID", "The token's id"}},
        .path =
            [](const std::vector<std::string>& values) {
              return "/api/v1/auth/api-tokens/" + query_escape(values[0]);
            },
        .done_text = "revoked"}},
      exit_code);
}

const command_registration registration{36, install};

}  // namespace
}  // namespace auraos::cli
