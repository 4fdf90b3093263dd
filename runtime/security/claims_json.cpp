#include "runtime/security/claims_json.hpp"

#include <cstdint>

#include <nlohmann/json.hpp>

namespace auraos::runtime::security {
namespace {

using nlohmann::json;

std::optional<std::string> text_field(const json& doc, const char* name) {
  auto it = doc.find(name);
  if (it == doc.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<std::chrono::sys_seconds> time_field(const json& doc, const char* name) {
  auto it = doc.find(name);
  if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
  return std::chrono::sys_seconds{std::chrono::seconds{it->get<std::int64_t>()}};
}

std::optional<permission_set> permissions_field(const json& doc) {
  auto it = doc.find("perms");
  if (it == doc.end() || !it->is_array()) return std::nullopt;
  permission_set set;
  for (const auto& item : *it) {
    if (!item.is_string()) return std::nullopt;
    auto p = parse_permission(item.get<std::string>());
    if (!p) return std::nullopt;
    set.insert(*p);
  }
  return set;
}

}  // namespace

std::string claims_to_json(const token_claims& claims) {
  json perms = json::array();
  for (auto p : claims.permissions) perms.push_back(std::string(to_string(p)));
  return json{{"sub", claims.subject},
              {"name", claims.user_name},
              {"role", claims.role},
              {"perms", std::move(perms)},
              {"jti", claims.token_id},
              {"iat", claims.issued_at.time_since_epoch().count()},
              {"exp", claims.expires_at.time_since_epoch().count()}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<token_claims> claims_from_json(std::string_view text) {
  auto doc = json::parse(text, nullptr, false);
  if (!doc.is_object()) return std::nullopt;
  auto sub = text_field(doc, "sub");
  auto name = text_field(doc, "name");
  auto role = text_field(doc, "role");
  auto jti = text_field(doc, "jti");
  auto iat = time_field(doc, "iat");
  auto exp = time_field(doc, "exp");
  auto perms = permissions_field(doc);
  if (!sub || !name || !role || !jti || !iat || !exp || !perms) return std::nullopt;
  return token_claims{*sub, *name, *role, *perms, *jti, *iat, *exp, {}};
}

}  // namespace auraos::runtime::security
