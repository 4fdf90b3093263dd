#include "runtime/handlers/http_request.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <nlohmann/json.hpp>

#include "runtime/handlers/json_text.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::runtime::handlers {
namespace {

using nlohmann::json;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

work_error url_error(const std::string& problem) {
  return config_error("config.url", problem);
}

bool valid_port(const std::string& port) {
  if (port.empty() || port.size() > 5) return false;
  if (!std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return false;
  }
  auto value = std::stoi(port);
  return value > 0 && value < 65536;
}

/// Splits "host", "host:port", "[v6]" or "[v6]:port" into `out.host` and `out.port`.
result<bool, work_error> split_authority(const std::string& authority, parsed_url& out) {
  std::string port;
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string::npos) return fail(url_error("unterminated '[' in the host"));
    out.host = authority.substr(1, close - 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return fail(url_error("unexpected text after ']'"));
      port = authority.substr(close + 2);
    }
  } else {
    auto colon = authority.rfind(':');
    out.host = authority.substr(0, colon);
    if (colon != std::string::npos) port = authority.substr(colon + 1);
  }
  if (out.host.empty()) return fail(url_error("has no host"));
  if (!port.empty() && !valid_port(port)) return fail(url_error("invalid port '" + port + "'"));
  if (!port.empty()) out.port = port;
  return true;
}

/// True when `text` holds CR, LF or NUL (which would end a header field and start another), or
/// with `space_too` any control byte or space (which would split the request line).
bool splits_request(const std::string& text, bool space_too) {
  return std::any_of(text.begin(), text.end(), [space_too](unsigned char c) {
    return c == '\r' || c == '\n' || c == '\0' || (space_too && (c <= ' ' || c == 0x7f));
  });
}

/// True for an RFC 9110 token: a header field name.
bool is_token(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view{"!#$%&'*+-.^_`|~"}.find(static_cast<char>(c)) != std::string_view::npos;
  });
}

/// Refuses what would let a rendered value (`${input...}`) add header fields or requests.
result<bool, work_error> check_request_text(const http_request& request) {
  if (splits_request(request.url, true))
    return fail(url_error("contains a space or a control character: percent-encode it"));
  for (const auto& [name, value] : request.headers) {
    if (!is_token(name))
      return fail(config_error("config.headers",
                               "a name is not a header field name (letters, "
                               "digits and !#$%&'*+-.^_`|~ only)"));
    if (splits_request(value, false))
      return fail(config_error("config.headers." + name, "contains CR, LF or NUL"));
  }
  return true;
}

}  // namespace

result<parsed_url, work_error> parse_url(const std::string& url) {
  parsed_url out;
  auto scheme_end = url.find("://");
  auto scheme = lower(url.substr(0, scheme_end == std::string::npos ? 0 : scheme_end));
  if (scheme != "http" && scheme != "https") {
    return fail(url_error("'" + url + "' must start with http:// or https://"));
  }
  out.tls = scheme == "https";
  out.port = out.tls ? "443" : "80";
  auto rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));
  auto path_start = rest.find_first_of("/?");
  auto authority = rest.substr(0, path_start);
  if (authority.find('@') != std::string::npos) {
    return fail(url_error("credentials in the URL are not supported; use an Authorization header"));
  }
  if (auto split = split_authority(authority, out); !split) return fail(std::move(split).error());
  out.target = path_start == std::string::npos ? "/" : rest.substr(path_start);
  if (out.target.front() == '?') out.target.insert(0, "/");
  bool v6 = out.host.find(':') != std::string::npos;
  out.host_header = v6 ? "[" + out.host + "]" : out.host;
  if (out.port != (out.tls ? "443" : "80")) out.host_header += ":" + out.port;
  return out;
}

result<http_request, work_error> parse_http_config(const json& config, attempt_identity identity) {
  if (!config.is_object()) return fail(config_error("config", "must be an object"));
  http_request request;
  auto method = scalar_text(config.value("method", json("GET")), "config.method");
  if (!method) return fail(std::move(method).error());
  request.method = std::move(method).value();
  std::transform(request.method.begin(), request.method.end(), request.method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  bool token = !request.method.empty() &&
               std::all_of(request.method.begin(), request.method.end(),
                           [](unsigned char c) { return std::isupper(c) || c == '-' || c == '_'; });
  if (!token)
    return fail(config_error("config.method", "'" + request.method + "' is not a method"));
  if (!config.contains("url") || !config["url"].is_string()) {
    return fail(config_error("config.url", "required: a string"));
  }
  request.url = config["url"].get<std::string>();
  if (auto url = parse_url(request.url); !url) return fail(std::move(url).error());
  auto headers = text_map(config.value("headers", json()), "config.headers");
  if (!headers) return fail(std::move(headers).error());
  request.headers = std::move(headers).value();
  if (auto checked = check_request_text(request); !checked) return fail(std::move(checked).error());
  const auto body = config.value("body", json());
  if (body.is_string()) {
    request.body = body.get<std::string>();
  } else if (!body.is_null()) {
    request.body = runtime::dump_json(body);
    bool typed = std::any_of(request.headers.begin(), request.headers.end(),
                             [](const auto& h) { return lower(h.first) == "content-type"; });
    if (!typed) request.headers["Content-Type"] = "application/json";
  }
  request.identity = std::move(identity);
  return request;
}

}  // namespace auraos::runtime::handlers
