// JSON of the security resources.

#include "gateway/auth/security_json.hpp"

#include <nlohmann/json.hpp>

#include "gateway/resource_json.hpp"

namespace auraos::gateway::auth {
namespace {

nlohmann::json optional_time(const std::optional<std::int64_t>& ms) {
  return ms ? nlohmann::json(rfc3339_utc(*ms)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json user_json(const persistence::user_record& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"role", user.role},
          {"disabled", user.disabled},
          {"createdAt", rfc3339_utc(user.created_at)},
          {"updatedAt", rfc3339_utc(user.updated_at)}};
}

nlohmann::json permissions_json(const runtime::security::permission_set& permissions) {
  auto out = nlohmann::json::array();
  for (auto each : permissions) out.push_back(std::string{runtime::security::to_string(each)});
  return out;
}

nlohmann::json role_json(const std::string& name,
                         const runtime::security::permission_set& permissions, bool builtin) {
  return {{"name", name}, {"permissions", permissions_json(permissions)}, {"builtin", builtin}};
}

nlohmann::json api_token_json(const persistence::api_token_record& token,
                              const std::optional<std::string>& plain) {
  nlohmann::json out = {{"id", token.id},
                        {"name", token.name},
                        {"createdAt", rfc3339_utc(token.created_at)},
                        {"expiresAt", optional_time(token.expires_at)},
                        {"lastUsedAt", optional_time(token.last_used_at)},
                        {"revokedAt", optional_time(token.revoked_at)}};
  if (plain) out["token"] = *plain;
  return out;
}

nlohmann::json audit_json(const persistence::audit_record& entry) {
  nlohmann::json details = nullptr;
  if (entry.details) details = nlohmann::json::parse(*entry.details, nullptr, false);
  if (details.is_discarded()) details = nullptr;
  auto text = [](const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  return {{"seq", entry.seq},
          {"at", rfc3339_utc(entry.at)},
          {"actor", entry.actor},
          {"actorName", entry.actor_name},
          {"tokenId", text(entry.token_id)},
          {"action", entry.action},
          {"target", text(entry.target)},
          {"source", entry.source},
          {"outcome", entry.outcome},
          {"status", entry.status},
          {"details", details}};
}

}  // namespace auraos::gateway::auth
