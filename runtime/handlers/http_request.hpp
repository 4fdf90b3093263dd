#pragma once
// One http node attempt: the request to send and the limits that apply to it.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "runtime/handlers/attempt_identity.hpp"
#include "runtime/handlers/work_result.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::handlers {

/// Where a URL points: scheme, host, port and request target.
struct parsed_url {
  /// True for https.
  bool tls = false;
  /// Host name or IP address (IPv6 without brackets).
  std::string host;
  /// Port as text (the scheme's default when the URL has none).
  std::string port;
  /// Path and query, at least "/".
  std::string target;
  /// The Host header value: host, plus ":port" when it is not the scheme's default.
  std::string host_header;
};

/// Splits an `http://` or `https://` URL; fails with error type `config` naming `config.url`.
result<parsed_url, work_error> parse_url(const std::string& url);

/// A fully rendered HTTP request, ready to send.
struct http_request {
  /// Method, upper case; default GET.
  std::string method = "GET";
  /// Absolute http or https URL.
  std::string url;
  /// Header fields to send (names as written; the Idempotency-Key is added on top).
  std::map<std::string, std::string> headers;
  /// Body bytes; empty means no body.
  std::string body;
  /// Its idempotency key is sent as the `Idempotency-Key` header.
  attempt_identity identity;
  /// Limit for resolving and connecting (and the TLS handshake).
  std::chrono::milliseconds connect_timeout{10000};
  /// Limit for the whole exchange; zero means none (the engine may still cancel).
  std::chrono::milliseconds timeout{0};
  /// Largest accepted response body; a larger one fails with `response_too_large`.
  std::size_t body_cap = std::size_t{10} << 20;
  /// Verify the server's certificate chain and name against the system CA store.
  bool verify_peer = true;
};

/// Builds a request from a rendered http config (`method`, `url`, `headers`, `body`).
/// A non-string body is sent as JSON with content-type application/json unless one is set.
result<http_request, work_error> parse_http_config(const nlohmann::json& config,
                                                   attempt_identity identity);

}  // namespace auraos::runtime::handlers
