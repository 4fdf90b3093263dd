#include "gateway/pattern_body.hpp"

#include <nlohmann/json.hpp>

#include "gateway/json_body.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/events/patterns/rule_json.hpp"
#include "runtime/events/patterns/rule_parse.hpp"
#include "runtime/uuid.hpp"

namespace auraos::gateway {

namespace pt = runtime::events::patterns;

namespace {

/// 422 naming the first problem, with every `path: message` line in `details`.
api_error invalid(std::vector<std::string> problems) {
  auto message = "invalid event pattern: " + problems.front();
  if (problems.size() > 1)
    message += " (and " + std::to_string(problems.size() - 1) + " more problems; see details)";
  auto error = make_error(errc::invalid_input, message);
  error.details = std::make_shared<const nlohmann::json>(problems);
  return error;
}

}  // namespace

result<actors::events::pattern_put, api_error> pattern_body(
    const http_request& request, const std::optional<std::string>& path_id) {
  auto body = parse_json_body(request.body);
  if (!body) return fail(body.error());
  if (!body->is_object()) return fail(invalid({": must be an object (a pattern rule)"}));
  if (path_id) {
    auto id = body->find("id");
    if (id != body->end() && (!id->is_string() || id->get<std::string>() != *path_id))
      return fail(invalid({"id: must be the id of the path ('" + *path_id + "') or absent"}));
    (*body)["id"] = *path_id;
  } else if (!body->contains("id")) {
    (*body)["id"] = runtime::random_uuid();
  }
  auto parsed = pt::parse_rule(*body);
  if (!parsed) return fail(invalid(std::move(parsed).error()));
  actors::events::pattern_put put;
  put.id = parsed->id;
  put.name = parsed->name;
  put.kind = std::string{pt::kind_name(parsed->kind())};
  put.rule = pt::rule_json(*parsed).dump();
  put.create = !path_id;
  return put;
}

nlohmann::json pattern_json(const actors::events::pattern_info& info) {
  auto out = nlohmann::json::parse(info.record.rule, nullptr, false);
  if (!out.is_object()) out = nlohmann::json::object();
  out["id"] = info.record.id;
  out["createdAt"] = rfc3339_utc(info.record.created_at);
  out["updatedAt"] = rfc3339_utc(info.record.updated_at);
  out["matches"] = info.matches;
  out["lastMatchAt"] =
      info.last_match_ms ? nlohmann::json(rfc3339_utc(*info.last_match_ms)) : nlohmann::json();
  return out;
}

}  // namespace auraos::gateway
