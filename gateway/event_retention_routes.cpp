// REST routes of event retention (docs/events.md): the rules (PUT/GET/DELETE
// /api/v1/event-retention/{type}, GET /api/v1/event-retention) through the store actor, and
// the manual cleanup DELETE /api/v1/events?olderThan= through the retention actor.

#include <nlohmann/json.hpp>

#include "actors/events/retention_actor.hpp"
#include "gateway/api_routes.hpp"
#include "gateway/detail/ask.hpp"
#include "gateway/error_mapping.hpp"
#include "gateway/json_body.hpp"
#include "gateway/query_params.hpp"
#include "gateway/resource_json.hpp"
#include "runtime/events/event_fields.hpp"

namespace auraos::gateway {
namespace {

namespace p = persistence;
namespace ae = actors::events;
using ctx = std::shared_ptr<node_context>;
using nlohmann::json;

/// The fields of a rule, in the order they are checked.
constexpr const char* rule_fields[] = {"maxAgeSeconds", "maxCount"};

json rule_json(const p::event_retention_rule& rule) {
  auto number = [](const std::optional<std::int64_t>& n) { return n ? json(*n) : json(nullptr); };
  json out{{"type", rule.type},
           {"maxAgeSeconds", number(rule.max_age_seconds)},
           {"maxCount", number(rule.max_count)}};
  if (rule.updated_at > 0) out["updatedAt"] = rfc3339_utc(rule.updated_at);
  return out;
}

/// The type of a rule's path: "*" or an event type; 400 naming `type` otherwise.
result<std::string, api_error> rule_type(const path_params& params) {
  auto type = params.at("type");
  if (type == p::default_retention_type) return type;
  if (auto problem = runtime::events::name_problem(type))
    return fail(make_error(errc::invalid, "path parameter 'type' " + *problem));
  return type;
}

/// A positive integer field of a rule body, or a problem naming it.
std::optional<std::int64_t> positive_field(const json& body, const char* name,
                                           std::vector<std::string>& problems) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 1 ||
      (it->is_number_unsigned() && it->get<std::uint64_t>() > 1'000'000'000'000ULL)) {
    problems.push_back(std::string{name} + ": must be a positive integer (at most 10^12)");
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

/// `{maxAgeSeconds, maxCount}`: 400 for malformed JSON, 422 naming a bad or unknown field.
result<p::event_retention_rule, api_error> rule_body(const http_request& request,
                                                     std::string type) {
  auto body = parse_json_body(request.body.empty() ? std::string_view{"{}"} : request.body);
  if (!body) return fail(body.error());
  p::event_retention_rule rule;
  rule.type = std::move(type);
  std::vector<std::string> problems;
  if (!body->is_object()) {
    problems.push_back("body: must be an object {\"maxAgeSeconds\", \"maxCount\"}");
  } else {
    rule.max_age_seconds = positive_field(*body, rule_fields[0], problems);
    rule.max_count = positive_field(*body, rule_fields[1], problems);
    for (const auto& item : body->items())
      if (item.key() != rule_fields[0] && item.key() != rule_fields[1])
        problems.push_back(item.key() + ": is not a field of a retention rule (maxAgeSeconds, maxCount)");
    if (problems.empty() && !rule.max_age_seconds && !rule.max_count)
      problems.push_back("body: give maxAgeSeconds, maxCount or both");
  }
  if (problems.empty()) return rule;
  auto error = make_error(errc::invalid_input, problems.front());
  error.details = std::make_shared<const json>(problems);
  return fail(std::move(error));
}

void put_rule(const ctx& node, const http_request& request, const path_params& params,
              responder respond) {
  auto type = rule_type(params);
  if (!type) return void(respond(error_response(type.error())));
  auto rule = rule_body(request, *type);
  if (!rule) return void(respond(error_response(rule.error())));
  detail::ask<p::write_outcome>(
      node->system(), node->store(), std::move(respond),
      [rule = *rule](p::write_outcome& outcome) {
        if (!outcome) return error_response(store_api_error(outcome.error()));
        return json_response(200, rule_json(rule));
      },
      p::write_request{{p::put_event_retention_op{*rule}}});
}

/// Answers with the stored rules through `to_response`.
template <class ToResponse>
void with_rules(const ctx& node, responder respond, ToResponse to_response) {
  using rules_result = p::store_result<std::vector<p::event_retention_rule>>;
  detail::ask<rules_result>(
      node->system(), node->store(), std::move(respond),
      [to_response](rules_result& rules) {
        if (!rules) return error_response(store_api_error(rules.error()));
        return to_response(*rules);
      },
      actors::store::event_retention_rules_query{});
}

void get_rule(const ctx& node, const path_params& params, responder respond) {
  auto type = rule_type(params);
  if (!type) return void(respond(error_response(type.error())));
  with_rules(node, std::move(respond), [type = *type](const std::vector<p::event_retention_rule>& rules) {
    for (const auto& rule : rules)
      if (rule.type == type) return json_response(200, rule_json(rule));
    return error_response(make_error(errc::not_found, "no retention rule for type '" + type + "'"));
  });
}

void list_rules(const ctx& node, responder respond) {
  with_rules(node, std::move(respond), [](const std::vector<p::event_retention_rule>& rules) {
    auto items = json::array();
    for (const auto& rule : rules) items.push_back(rule_json(rule));
    return json_response(200, {{"items", items}});
  });
}

void delete_rule(const ctx& node, const path_params& params, responder respond) {
  auto type = rule_type(params);
  if (!type) return void(respond(error_response(type.error())));
  detail::ask<p::write_outcome>(
      node->system(), node->store(), std::move(respond),
      [](p::write_outcome& outcome) {
        if (!outcome) return error_response(store_api_error(outcome.error()));
        http_response response;
        response.status = 204;
        return response;
      },
      p::write_request{{p::delete_event_retention_op{*type}}});
}

/// DELETE /api/v1/events?olderThan=RFC3339[&type=]: 200 {"deleted", "complete"}.
void cleanup(const ctx& node, const http_request& request, responder respond) {
  auto older_than = time_param(request, "olderThan");
  if (!older_than) return void(respond(error_response(older_than.error())));
  if (!*older_than)
    return void(respond(error_response(
        make_error(errc::invalid, "query parameter 'olderThan' is required (an RFC 3339 time)"))));
  std::string type;
  if (auto given = request.query_param("type")) {
    if (auto problem = runtime::events::name_problem(*given))
      return void(respond(error_response(make_error(errc::invalid, "query parameter 'type' " + *problem))));
    type = *given;
  }
  auto retention = caf::actor_cast<caf::actor>(
      node->system().registry().get(ae::retention_registry_name));
  detail::ask<ae::cleanup_reply>(
      node->system(), retention, std::move(respond),
      [](ae::cleanup_reply& reply) {
        if (!reply) return error_response(store_api_error(reply.error()));
        return json_response(200, {{"deleted", reply->deleted}, {"complete", reply->complete}});
      },
      ae::cleanup_atom::value, **older_than, type);
}

}  // namespace

void add_event_retention_routes(router& routes, std::shared_ptr<node_context> node) {
  routes.add("GET", "/api/v1/event-retention", [node](const auto&, const auto&, responder r) {
    list_rules(node, std::move(r));
  });
  routes.add("PUT", "/api/v1/event-retention/{type}",
             [node](const auto& request, const auto& params, responder r) {
               put_rule(node, request, params, std::move(r));
             });
  routes.add("GET", "/api/v1/event-retention/{type}",
             [node](const auto&, const auto& params, responder r) {
               get_rule(node, params, std::move(r));
             });
  routes.add("DELETE", "/api/v1/event-retention/{type}",
             [node](const auto&, const auto& params, responder r) {
               delete_rule(node, params, std::move(r));
             });
  routes.add("DELETE", "/api/v1/events", [node](const auto& request, const auto&, responder r) {
    cleanup(node, request, std::move(r));
  });
}

}  // namespace auraos::gateway
