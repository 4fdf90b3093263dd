// Matching request paths segment by segment against the route table.

#include "gateway/router.hpp"

#include <optional>
#include <set>

#include <fmt/format.h>

#include "gateway/api_error.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

/// The parameters when `segments` (decoded) fit `pattern`, else nullopt.
std::optional<path_params> match(const std::vector<std::string>& pattern,
                                 const std::vector<std::string>& segments) {
  if (pattern.size() != segments.size()) return std::nullopt;
  path_params params;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_param(pattern[i])) {
      if (segments[i].empty()) return std::nullopt;
      params[pattern[i].substr(1, pattern[i].size() - 2)] = segments[i];
    } else if (pattern[i] != segments[i]) {
      return std::nullopt;
    }
  }
  return params;
}

/// The decoded path segments, or nullopt for a bad escape or bytes that are not UTF-8.
std::optional<std::vector<std::string>> decoded_segments(std::string_view path) {
  auto segments = split_path(path);
  for (auto& segment : segments) {
    auto decoded = percent_decode(segment);
    if (!decoded || !runtime::is_valid_utf8(*decoded)) return std::nullopt;
    segment = std::move(*decoded);
  }
  return segments;
}

/// The first query parameter whose name or value is not UTF-8, if any.
std::optional<std::string> non_utf8_query_param(const http_request& request) {
  for (const auto& [name, value] : request.query)
    if (!runtime::is_valid_utf8(name) || !runtime::is_valid_utf8(value))
      return runtime::valid_utf8(name);
  return std::nullopt;
}

http_response method_not_allowed(const http_request& request, const std::set<std::string>& allow) {
  std::string allowed = fmt::format("{}", fmt::join(allow, ", "));
  auto response = error_response(make_error(
      errc::method_not_allowed, fmt::format("method {} is not allowed on {}; allowed: {}",
                                                  request.method, request.path, allowed)));
  response.headers.set("Allow", allowed);
  return response;
}

}  // namespace

router& router::add(std::string method, std::string_view pattern, route_handler handler) {
  routes_.push_back(route{route_pattern{std::move(method), std::string{pattern}},
                          split_path(pattern), std::move(handler)});
  return *this;
}

router& router::set_filter(route_filter filter) {
  filter_ = std::move(filter);
  return *this;
}

void router::dispatch(const http_request& request, responder respond) const {
  auto segments = decoded_segments(request.path);
  if (!segments) {
    respond(error_response(make_error(
        errc::invalid,
        fmt::format("malformed percent-encoding (or not UTF-8) in path {}", request.path))));
    return;
  }
  if (auto name = non_utf8_query_param(request)) {
    respond(error_response(make_error(
        errc::invalid, fmt::format("query parameter '{}' is not valid UTF-8", *name))));
    return;
  }
  std::set<std::string> allow;
  for (const auto& candidate : routes_) {
    auto params = match(candidate.segments, *segments);
    if (!params) continue;
    // HEAD is served by the GET route; the session drops the body (RFC 9110, 9.3.2).
    const auto& method = candidate.name.method;
    if (method == request.method || (request.method == "HEAD" && method == "GET")) {
      if (filter_)
        filter_(candidate.name, request, *params, std::move(respond), candidate.handler);
      else
        candidate.handler(request, *params, std::move(respond));
      return;
    }
    allow.insert(method);
    if (method == "GET") allow.insert("HEAD");
  }
  if (!allow.empty()) {
    respond(method_not_allowed(request, allow));
    return;
  }
  respond(error_response(
      make_error(errc::not_found, fmt::format("no resource at {}", request.path))));
}

http_handler router::handler() const {
  return [this](const http_request& request, responder respond) {
    dispatch(request, std::move(respond));
  };
}

std::vector<route_pattern> router::routes() const {
  std::vector<route_pattern> out;
  out.reserve(routes_.size());
  for (const auto& each : routes_) out.push_back(each.name);
  return out;
}

}  // namespace auraos::gateway
