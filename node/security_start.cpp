// Key file, first admin and stored revocations at a node's start.

#include "node/security_start.hpp"

#include <cstdlib>

#include <spdlog/spdlog.h>

#include "gateway/auth/authenticator.hpp"
#include "runtime/crypto/node_keys.hpp"
#include "runtime/crypto/password_hash.hpp"

namespace auraos::node {
namespace {

namespace p = persistence;

/// Creates the first admin from the environment when no user exists; the error when it cannot.
std::optional<std::string> bootstrap_admin(p::store& db) {
  p::page_request first;
  first.limit = 1;
  auto users = db.list_users(first);
  if (!users) return "reading users: " + users.error().message;
  if (!users->items.empty()) return std::nullopt;
  const char* password = std::getenv(admin_password_variable);
  if (!password || !*password) {
    spdlog::warn(
        "auth: the node has no user yet: set {} (and {}) before starting it, or run `auraos user "
        "add NAME --role admin` with the same --data-dir or --db",
        admin_password_variable, admin_user_variable);
    return std::nullopt;
  }
  if (std::string_view{password}.size() < 8)
    return std::string{admin_password_variable} + " must have at least 8 characters";
  const char* name = std::getenv(admin_user_variable);
  p::user_record admin;
  admin.username = name && *name ? name : "admin";
  admin.role = "admin";
  auto hash = runtime::crypto::hash_password(password);
  if (!hash) return "hashing the admin password: " + hash.error();
  admin.password_hash = std::move(*hash);
  auto created = db.create_user(admin);
  // Another node of the cluster may have made it at the same moment.
  if (!created && created.error().code != p::store_errc::conflict)
    return "creating the first admin: " + created.error().message;
  if (created) spdlog::info("auth: created the first admin user '{}'", admin.username);
  return std::nullopt;
}

}  // namespace

result<std::shared_ptr<gateway::auth::authenticator>, std::string> start_security(
    const runtime::node_config& config, persistence::store& db) {
  using out_t = std::shared_ptr<gateway::auth::authenticator>;
  if (!config.security.auth) return out_t{};
  auto keys = runtime::crypto::load_or_create_node_keys(config.security.key_file);
  if (!keys) return fail(keys.error());
  if (auto problem = bootstrap_admin(db)) return fail("auth: " + *problem);
  auto checks = std::make_shared<gateway::auth::authenticator>(keys->signing, config.security);
  std::int64_t after = 0;
  while (true) {
    auto rows = db.revocations_after(after, 10000);
    if (!rows) return fail("auth: reading revocations: " + rows.error().message);
    if (rows->empty()) break;
    checks->apply(*rows);
    after = rows->back().seq;
  }
  spdlog::info("auth: on (key file {}, signing key {})", config.security.key_file,
               keys->signing.current_id());
  return checks;
}

}  // namespace auraos::node
