// Turning Protobuf bodies into the JSON the handlers read, and JSON answers into messages.

#include "gateway/protobuf_filter.hpp"

#include <algorithm>

#include <cstdlib>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "gateway/api_error.hpp"
#include "gateway/json_body.hpp"
#include "gateway/protobuf_codec.hpp"
#include "gateway/protobuf_routes.hpp"

namespace auraos::gateway {
namespace {

/// The message of the error envelope.
constexpr std::string_view error_message = "auraos.v1.Error";
/// The header naming the message an answer carries.
constexpr std::string_view message_header = "AuraOS-Message";

bool sends_protobuf(const http_request& request) {
  auto type = request.headers.get("Content-Type");
  return type && is_protobuf_media_type(*type);
}

/// The weight of one Accept item ("type; q=0.5"): its q parameter, 1 when absent.
double weight_of(std::string_view item) {
  auto q = item.find("q=");
  if (q == std::string_view::npos) return 1.0;
  auto value = std::string{item.substr(q + 2)};
  char* end = nullptr;
  double weight = std::strtod(value.c_str(), &end);
  return end == value.c_str() ? 1.0 : weight;
}

/// The highest weights the request's Accept gives to Protobuf, to JSON (application/json,
/// application/*, */*) and to anything else.
struct accept_weights {
  double protobuf = 0;
  double json = 0;
  double other = 0;
};

accept_weights weights_of(const http_request& request) {
  accept_weights out;
  auto accept = request.headers.get("Accept");
  if (!accept) return out;
  std::string_view rest = *accept;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    auto type = item.substr(0, item.find(';'));
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    auto weight = weight_of(item);
    auto& slot = is_protobuf_media_type(item) ? out.protobuf
                 : type == "application/json" || type == "application/*" || type == "*/*"
                     ? out.json
                     : out.other;
    slot = std::max(slot, weight);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

std::string route_name(const route_pattern& route) {
  return route.method + " " + route.pattern;
}

/// The answer of `forms` (null: the route has none) as a Protobuf message.
http_response to_protobuf(http_response response, const protobuf_route* forms,
                          const route_pattern& route) {
  if (response.body.empty() || response.content_type.rfind("application/json", 0) != 0)
    return response;
  bool success = response.status >= 200 && response.status < 300;
  message_form form{success && forms ? std::string_view{forms->response} : error_message,
                    success && forms && forms->response_is_array};
  if (form.type.empty()) return response;
  auto bytes = json_to_protobuf(form, response.body);
  if (!bytes) {
    spdlog::error("http: the answer of {} does not fit {}: {}", route_name(route), form.type,
                  bytes.error());
    auto failed = error_response(make_error(
        errc::internal, fmt::format("the answer of {} does not fit the message {}: {}",
                                    route_name(route), form.type, bytes.error())));
    return to_protobuf(std::move(failed), nullptr, route);
  }
  response.body = std::move(*bytes);
  response.content_type = std::string{protobuf_media_type};
  response.headers.set(message_header, form.type);
  return response;
}

/// A responder that converts every answer to Protobuf before `inner` sends it.
responder converting(responder inner, const protobuf_route* forms, route_pattern route) {
  return responder([inner = std::move(inner), forms, route = std::move(route)](
                       http_response response) { inner(to_protobuf(std::move(response), forms, route)); });
}

/// Why the body cannot be read, or the request with the body as JSON.
result<http_request, api_error> json_request(const http_request& request,
                                             const protobuf_route& forms) {
  auto out = request;
  out.headers.set("Content-Type", "application/json");
  if (forms.request.empty()) {
    if (request.body.empty()) return out;
    return fail(make_error(errc::unsupported_media_type,
                           fmt::format("{} takes no body", route_name(forms.route))));
  }
  auto json = protobuf_to_json({forms.request, forms.request_is_array}, request.body, false);
  if (!json)
    return fail(make_error(errc::invalid, fmt::format("body: {}", json.error())));
  out.body = std::move(*json);
  return out;
}

/// The 400 of a JSON body that does not parse sent to a route that takes no body (it would be
/// ignored, so a client's mistake would pass unnoticed); nullopt when there is nothing to refuse.
std::optional<api_error> ignored_body_problem(const route_pattern& route,
                                              const http_request& request) {
  if (request.body.empty()) return std::nullopt;
  const auto* forms = find_protobuf_route(route);
  if (!forms || !forms->request.empty()) return std::nullopt;
  auto parsed = parse_json_body(request.body);
  if (parsed) return std::nullopt;
  return parsed.error();
}

void filter(const route_pattern& route, const http_request& request, const path_params& params,
            responder respond, const route_handler& handler) {
  bool body_in = sends_protobuf(request);
  if (!body_in)
    if (auto problem = ignored_body_problem(route, request))
      return void(respond(error_response(*problem)));
  auto accept = weights_of(request);
  // Protobuf when it weighs at least as much as JSON (a tie: the client named it).
  bool answer_out = accept.protobuf > 0 && accept.protobuf >= accept.json;
  if (!body_in && !answer_out) return handler(request, params, std::move(respond));
  const auto* forms = find_protobuf_route(route);
  // A text or stream route serves a client that accepts anything besides Protobuf.
  if (!forms && !body_in && (accept.json > 0 || accept.other > 0))
    return handler(request, params, std::move(respond));
  if (answer_out) respond = converting(std::move(respond), forms, route);
  if (!forms) {
    auto code = body_in ? errc::unsupported_media_type : errc::not_acceptable;
    return void(respond(error_response(make_error(
        code, fmt::format("{} has no Protobuf form (it answers a stream or text)",
                          route_name(route))))));
  }
  if (!body_in) return handler(request, params, std::move(respond));
  auto converted = json_request(request, *forms);
  if (!converted) return void(respond(error_response(converted.error())));
  handler(*converted, params, std::move(respond));
}

}  // namespace

route_filter protobuf_filter() {
  return filter;
}

}  // namespace auraos::gateway
