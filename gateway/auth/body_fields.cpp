// Body field checks of the security routes.

#include "gateway/auth/body_fields.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "gateway/json_body.hpp"

namespace auraos::gateway::auth {

result<nlohmann::json, api_error> object_body(const http_request& request) {
  auto body = parse_json_body(request.body);
  if (!body) return fail(body.error());
  if (!body->is_object())
    return fail(make_error(errc::invalid, "the request body must be a JSON object"));
  return body;
}

result<std::optional<std::string>, api_error> string_field(const nlohmann::json& body,
                                                           const char* name, bool required,
                                                           std::size_t max_length) {
  if (!body.contains(name) || body[name].is_null()) {
    if (!required) return std::optional<std::string>{};
    return fail(make_error(errc::invalid, fmt::format("body: '{}' is required", name)));
  }
  if (!body[name].is_string())
    return fail(make_error(errc::invalid_input, fmt::format("body: '{}' must be a string", name)));
  auto value = body[name].get<std::string>();
  if (value.empty() || value.size() > max_length)
    return fail(make_error(errc::invalid_input,
                           fmt::format("body: '{}' must have 1 to {} characters", name,
                                       max_length)));
  return std::optional<std::string>{std::move(value)};
}

std::optional<api_error> unknown_field(const nlohmann::json& body,
                                       std::initializer_list<const char*> known) {
  for (const auto& [key, value] : body.items()) {
    bool listed = false;
    for (const char* each : known) listed = listed || key == each;
    if (listed) continue;
    std::string names;
    for (const char* each : known) names += (names.empty() ? "" : ", ") + std::string{each};
    return make_error(errc::invalid_input,
                      fmt::format("body: unknown field '{}' (fields: {})", key, names));
  }
  return std::nullopt;
}

api_error auth_off_error() {
  return make_error(errc::conflict,
                    "authentication is off on this node: start it with --auth to sign in and "
                    "use tokens (docs/security.md)");
}

}  // namespace auraos::gateway::auth
