#include "persistence/security_checks.hpp"

#include <string>
#include <utility>

#include "persistence/json_columns.hpp"
#include "runtime/uuid.hpp"

namespace auraos::persistence {

namespace {

/// `id`, or a random UUID when it is empty.
std::string id_or_random(std::string id) {
  return id.empty() ? runtime::random_uuid() : std::move(id);
}

}  // namespace

store_status require_text(std::string_view value, std::string_view what, std::string_view place) {
  if (!value.empty()) return std::monostate{};
  return store_fail(store_errc::invalid, std::string{place} + ": empty " + std::string{what});
}

store_result<user_record> user_to_create(user_record user) {
  constexpr std::string_view place = "create user";
  user.id = id_or_random(std::move(user.id));
  if (!runtime::is_uuid(user.id))
    return store_fail(store_errc::invalid, "create user: id '" + user.id + "' is not a UUID");
  for (auto [value, what] :
       {std::pair{&user.username, "username"}, std::pair{&user.password_hash, "password hash"},
        std::pair{&user.role, "role"}})
    if (auto ok = require_text(*value, what, place); !ok) return fail(std::move(ok).error());
  return user;
}

store_result<api_token_record> api_token_to_create(api_token_record token) {
  if (auto ok = require_text(token.token_hash, "token hash", "create API token"); !ok)
    return fail(std::move(ok).error());
  token.id = id_or_random(std::move(token.id));
  return token;
}

store_result<refresh_token_record> refresh_token_to_create(refresh_token_record token) {
  if (auto ok = require_text(token.token_hash, "token hash", "create refresh token"); !ok)
    return fail(std::move(ok).error());
  token.id = id_or_random(std::move(token.id));
  return token;
}

store_result<rotate_refresh_token_op> rotation_to_apply(rotate_refresh_token_op op) {
  constexpr std::string_view place = "rotate refresh token";
  if (auto ok = require_text(op.old_hash, "old token hash", place); !ok)
    return fail(std::move(ok).error());
  if (auto ok = require_text(op.next_hash, "new token hash", place); !ok)
    return fail(std::move(ok).error());
  op.next_id = id_or_random(std::move(op.next_id));
  return op;
}

std::vector<audit_record> audit_to_append(std::vector<audit_record> entries, std::int64_t now) {
  for (auto& entry : entries) {
    if (entry.at == 0) entry.at = now;
    entry.details = compact_json(entry.details);
  }
  return entries;
}

}  // namespace auraos::persistence
