// The route filter that checks callers and records the audit trail.

#include "gateway/auth/auth_filter.hpp"

#include <map>

#include "gateway/api_error.hpp"
#include "gateway/auth/api_token_lookup.hpp"
#include "gateway/auth/audit_trail.hpp"
#include "gateway/auth/authenticator.hpp"
#include "gateway/auth/wall_clock.hpp"
#include "gateway/route_permissions.hpp"

namespace auraos::gateway::auth {
namespace {

/// The query parameter a browser's EventSource or WebSocket carries its token in.
constexpr const char* token_param = "access_token";

bool is_stream_route(const route_pattern& route) {
  return route.pattern == "/api/v1/stream" || route.pattern == "/api/v1/events/stream";
}

bool is_mutating(const std::string& method) { return method != "GET" && method != "HEAD"; }

/// The permission entries by route, looked up once per route.
const route_permission& permission_of(const route_pattern& route) {
  static const auto table = [] {
    std::map<std::pair<std::string, std::string>, route_permission> out;
    for (const auto& entry : route_permissions())
      out.emplace(std::pair{entry.route.method, entry.route.pattern}, entry);
    return out;
  }();
  auto found = table.find({route.method, route.pattern});
  if (found != table.end()) return found->second;
  static thread_local route_permission unknown;
  unknown = required_permission(route.method, route.pattern);
  return unknown;
}

/// The error answer of a refused call (401 asks for a bearer token).
http_response refusal(const access_decision& decision) {
  auto code = decision.status == 401 ? errc::unauthorized : errc::forbidden;
  auto response = error_response(make_error(code, decision.message));
  if (decision.status == 401) response.headers.set("WWW-Authenticate", "Bearer");
  return response;
}

/// Everything one checked call needs after its token is known.
struct pending_call {
  std::shared_ptr<node_context> node;
  route_filter next;
  route_pattern route;
  route_permission needs;
  http_request request;
  path_params params;
  route_handler handler;
};

/// Goes on with `call` as `check` found its caller: refuse (and record), or run the route.
void proceed(pending_call& call, const token_check& check, responder respond) {
  principal who;
  if (check.caller) {
    who = check.caller->who;
    call.request.caller.authenticated = true;
    call.request.caller.user_id = who.user_id;
    call.request.caller.user_name = check.caller->user_name;
    call.request.caller.role = who.role;
    call.request.caller.token_id = check.caller->token_id;
  }
  auto decision = authorize(who, call.needs);
  if (!decision.allowed()) {
    if (!check.caller && !check.problem.empty() && decision.status == 401)
      decision.message += " (" + check.problem + ")";
    auto response = refusal(decision);
    record_audit(call.node, audit_entry(call.request, call.needs.operation,
                                        audit_target(call.params, {}), response.status));
    respond(std::move(response));
    return;
  }
  auto handler = call.handler;
  if (is_mutating(call.request.method)) {
    // Recorded once: by the handler's answer (JSON, before a Protobuf filter converts it), or,
    // when a filter answers without the handler (a body it refuses), by the outer answer.
    auto recorded = std::make_shared<bool>(false);
    auto node = call.node;
    auto request = call.request;
    auto operation = call.needs.operation;
    auto params = call.params;
    auto record = [node, request, operation, params, recorded](const http_response& response) {
      if (*recorded) return;
      *recorded = true;
      record_audit(node, audit_entry(request, operation, audit_target(params, response.body),
                                     response.status));
    };
    handler = [handler, record](const http_request& request, const path_params& params,
                                responder respond) {
      handler(request, params, responder([record, respond](http_response response) {
                record(response);
                respond(std::move(response));
              }));
    };
    respond = responder([record, respond](http_response response) {
      record(response);
      respond(std::move(response));
    });
  }
  if (call.next)
    call.next(call.route, call.request, call.params, std::move(respond), handler);
  else
    handler(call.request, call.params, std::move(respond));
}

}  // namespace

std::string bearer_token(const http_request& request, bool stream_route) {
  if (auto header = request.headers.get("Authorization")) {
    std::string_view value = *header;
    constexpr std::string_view scheme = "Bearer ";
    if (value.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), value.begin(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      value.remove_prefix(scheme.size());
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      return std::string{value};
    }
    return {};
  }
  if (stream_route)
    if (auto param = request.query_param(token_param)) return *param;
  return {};
}

route_filter auth_filter(std::shared_ptr<node_context> node, route_filter next) {
  return [node, next](const route_pattern& route, const http_request& request,
                      const path_params& params, responder respond, const route_handler& handler) {
    auto checks = node->authenticator();
    if (!checks || request.from_peer) {
      if (next) return next(route, request, params, std::move(respond), handler);
      return handler(request, params, std::move(respond));
    }
    const auto& needs = permission_of(route);
    bool stream = is_stream_route(route);
    auto token = bearer_token(request, stream);
    auto call = std::make_shared<pending_call>(
        pending_call{node, next, route, needs, request, params, handler});
    call->request.caller = {};
    if (stream && call->request.query.erase(token_param) > 0)
      call->request.target = target_of(call->request.path, call->request.query);
    if (token.empty()) return proceed(*call, token_check{}, std::move(respond));
    auto check = checks->check(token, now_ms());
    if (!check.needs_lookup) return proceed(*call, check, std::move(respond));
    lookup_api_token(node, token, [call, respond](token_check found) mutable {
      proceed(*call, found, std::move(respond));
    });
  };
}

}  // namespace auraos::gateway::auth
