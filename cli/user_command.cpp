// `auraos user add|list|get|set|delete`, `auraos role list|get|put|delete` and
// `auraos audit list|export|report` (docs/security.md). `user add` writes to the node's store
// directly (--data-dir or --db), so the first admin can be made before the node starts; with
// --server it asks a running node instead (admin). The others are REST calls.

#include <chrono>
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/call_command.hpp"
#include "cli/client_output.hpp"
#include "cli/command.hpp"
#include "cli/password_input.hpp"
#include "persistence/open_store.hpp"
#include "runtime/crypto/password_hash.hpp"
#include "runtime/node_config.hpp"
#include "runtime/security/roles.hpp"

namespace auraos::cli {
namespace {

namespace p = persistence;

struct add_flags {
  std::string username;
  std::string role;
  bool password_stdin = false;
  std::string data_dir = "./auraos-data";
  std::string db;
  client_flags client;
};

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int add_to_store(const add_flags& flags, const std::string& password) {
  runtime::node_config config;
  config.data_dir = flags.data_dir;
  if (!flags.db.empty()) {
    auto location = runtime::parse_database_url(flags.db);
    if (!location) return usage_error("--db: " + location.error());
    config.database = *location;
  }
  config = runtime::finalize(config);
  if (!runtime::security::find_builtin_role(flags.role) && flags.role.empty())
    return usage_error("--role: give a role (admin, operator, viewer or a custom one)");
  auto opened = p::open_store(config.database, {wall_ms});
  if (!opened) {
    std::fprintf(stderr, "auraos user add: %s\n", opened.error().c_str());
    return exit_failed;
  }
  auto& db = **opened;
  if (!runtime::security::find_builtin_role(flags.role) && !db.get_role(flags.role)) {
    std::fprintf(stderr, "auraos user add: no role '%s' (built in: admin, operator, viewer)\n",
                 flags.role.c_str());
    return exit_failed;
  }
  auto hash = runtime::crypto::hash_password(password);
  if (!hash) {
    std::fprintf(stderr, "auraos user add: %s\n", hash.error().c_str());
    return exit_failed;
  }
  p::user_record user;
  user.username = flags.username;
  user.role = flags.role;
  user.password_hash = std::move(*hash);
  auto created = db.create_user(user);
  if (!created) {
    std::fprintf(stderr, "auraos user add: %s\n", created.error().message.c_str());
    return exit_failed;
  }
  std::printf("added user %s (role %s, id %s)\n", created->username.c_str(),
              created->role.c_str(), created->id.c_str());
  return exit_ok;
}

int add_user(const add_flags& flags) {
  auto password = read_password(flags.password_stdin, "Password: ", true);
  if (!password) return exit_invalid;
  if (password->size() < 8) return usage_error("the password must have at least 8 characters");
  if (flags.client.server.empty()) return add_to_store(flags, *password);
  nlohmann::json body = {{"username", flags.username}, {"password", *password}, {"role", flags.role}};
  auto reply = call_checked(flags.client, "POST", "/api/v1/users", body.dump());
  if (!reply) return reply.error();
  auto answer = nlohmann::json::parse(reply->body, nullptr, false);
  std::printf("added user %s (role %s, id %s)\n", flags.username.c_str(), flags.role.c_str(),
              answer.is_object() ? answer.value("id", "").c_str() : "");
  return exit_ok;
}

std::function<std::string(const std::vector<std::string>&)> fixed(std::string path) {
  return [path](const std::vector<std::string>&) { return path; };
}

std::function<std::string(const std::vector<std::string>&)> under(std::string prefix) {
  return [prefix](const std::vector<std::string>& values) {
    return prefix + query_escape(values.at(0));
  };
}

void install_user(CLI::App& app, int& exit_code) {
  auto* user = app.add_subcommand("user", "Users of a node that requires tokens (admin)");
  user->require_subcommand(1);
  auto flags = std::make_shared<add_flags>();
  auto* add = user->add_subcommand(
      "add", "Add a user to the node's store (--data-dir/--db), or through --server");
  add->add_option("NAME", flags->username, "User name")->required();
  add->add_option("--role", flags->role, "admin, operator, viewer or a custom role")->required();
  add->add_flag("--password-stdin", flags->password_stdin,
                "Read the password from standard input (else it is asked for twice)");
  add->add_option("--data-dir", flags->data_dir, "Data directory (default ./auraos-data)");
  add->add_option("--db", flags->db, "Store: sqlite:PATH or postgresql://...");
  flags->client.add_to(*add);
  add->callback([flags, &exit_code] { exit_code = add_user(*flags); });
  add_call_commands(
      *user,
      {{.name = "list", .description = "List users", .method = "GET",
        .path = fixed("/api/v1/users"),
        .query = {{"--limit", "limit", "Users per page"}, {"--cursor", "cursor", "Next page"}}},
       {.name = "get", .description = "Show a user", .method = "GET",
        .arguments = {{"ID", "The user's id"}}, .path = under("/api/v1/users/")},
       {.name = "set",
        .description = "Change a user's role or disabled state (ends their sessions)",
        .method = "PATCH", .arguments = {{"ID", "The user's id"}},
        .path = under("/api/v1/users/"),
        .body = {{"--role", "role", "New role"},
                 {"--disabled", "disabled", "true or false", call_flag::value_kind::json}}},
       {.name = "delete", .description = "Delete a user and their tokens", .method = "DELETE",
        .arguments = {{"ID", "The user's id"}}, .path = under("/api/v1/users/"),
        .done_text = "deleted"}},
      exit_code);
}

void install_role(CLI::App& app, int& exit_code) {
  auto* role = app.add_subcommand("role", "Built-in and custom roles (admin)");
  role->require_subcommand(1);
  add_call_commands(
      *role,
      {{.name = "list", .description = "List roles and their permissions", .method = "GET",
        .path = fixed("/api/v1/roles")},
       {.name = "get", .description = "Show a role", .method = "GET",
        .arguments = {{"NAME", "The role"}}, .path = under("/api/v1/roles/")},
       {.name = "put", .description = "Create or replace a custom role", .method = "PUT",
        .arguments = {{"NAME", "The role"}}, .path = under("/api/v1/roles/"),
        .body = {{"--permissions", "permissions",
                  "JSON array, e.g. '[\"workflow:read\",\"execution:start\"]'",
                  call_flag::value_kind::json, true}}},
       {.name = "delete", .description = "Delete a custom role", .method = "DELETE",
        .arguments = {{"NAME", "The role"}}, .path = under("/api/v1/roles/"),
        .done_text = "deleted"}},
      exit_code);
}

std::vector<call_flag> audit_filters() {
  return {{"--from", "from", "From this time (RFC 3339)"},
          {"--to", "to", "Before this time (RFC 3339)"},
          {"--actor", "actor", "Of this user id"},
          {"--action", "action", "Of this operation, e.g. startExecution"},
          {"--outcome", "outcome", "allowed, refused or failed"},
          {"--target", "target", "On this resource id"}};
}

void install_audit(CLI::App& app, int& exit_code) {
  auto* audit = app.add_subcommand("audit", "The audit log: who did what, when (admin)");
  audit->require_subcommand(1);
  auto list_flags = audit_filters();
  list_flags.push_back({"--limit", "limit", "Entries per page (newest first)"});
  list_flags.push_back({"--cursor", "cursor", "Next page"});
  auto export_flags = audit_filters();
  export_flags.push_back({"--format", "format", "csv or jsonl (default jsonl)"});
  add_call_commands(
      *audit,
      {{.name = "list", .description = "List audit entries, newest first", .method = "GET",
        .path = fixed("/api/v1/audit"), .query = list_flags},
       {.name = "export", .description = "Export matching entries as CSV or JSON lines",
        .method = "GET", .path = fixed("/api/v1/audit/export"), .query = export_flags},
       {.name = "report", .description = "Counts per outcome and per action of a time frame",
        .method = "GET", .path = fixed("/api/v1/audit/report"),
        .query = {{"--from", "from", "Start (RFC 3339; default a day before --to)"},
                  {"--to", "to", "End (RFC 3339; default now)"}}}},
      exit_code);
}

void install(CLI::App& app, int& exit_code) {
  install_user(app, exit_code);
  install_role(app, exit_code);
  install_audit(app, exit_code);
}

const command_registration registration{37, install};

}  // namespace
}  // namespace auraos::cli
