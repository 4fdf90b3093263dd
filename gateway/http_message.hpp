#pragma once
// The plain HTTP request and response the gateway's handlers see: no Beast types.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace auraos::gateway {

/// Orders header names ignoring ASCII case, so lookups are case-insensitive.
struct case_insensitive_less {
  /// True when `a` sorts before `b` ignoring ASCII case.
  bool operator()(std::string_view a, std::string_view b) const noexcept;
  /// Lets maps look up by string_view without building a string.
  using is_transparent = void;
};

/// HTTP header fields by name; names compare case-insensitively, repeats are joined with ", ".
class header_map {
 public:
  /// Adds a field; a repeated name appends to the value with ", ".
  void add(std::string_view name, std::string_view value);
  /// Sets a field, replacing any value it had.
  void set(std::string_view name, std::string_view value);
  /// The value of a field, or nullopt when absent.
  std::optional<std::string> get(std::string_view name) const;
  /// True when the field is present.
  bool contains(std::string_view name) const;
  /// Every field, ordered by name.
  const std::map<std::string, std::string, case_insensitive_less>& fields() const {
    return fields_;
  }

 private:
  std::map<std::string, std::string, case_insensitive_less> fields_;
};

/// Who sent a request, as the gateway's authentication found it (gateway/auth_filter.hpp).
/// Anonymous until the filter runs; a node without authentication leaves it anonymous.
struct request_caller {
  bool authenticated = false;  ///< True when a valid token came with the request.
  std::string user_id;         ///< The user's id (the token's subject); empty when anonymous.
  std::string user_name;       ///< The user's name when the token was issued.
  std::string role;            ///< The user's role.
  std::string token_id;        ///< The access token's `jti` or the API token's id.
};

/// One request as a handler sees it.
struct http_request {
  /// Upper-case method name, e.g. "GET".
  std::string method;
  /// The request target exactly as sent: path and query, percent-encoded.
  std::string target;
  /// The path part of the target, still percent-encoded (the router decodes segments).
  std::string path;
  /// Query parameters, decoded ('+' is a space); the first occurrence of a name wins.
  std::map<std::string, std::string> query;
  /// Request header fields.
  header_map headers;
  /// The request body.
  std::string body;
  /// The client's address as the server saw it ("203.0.113.7" or "::1"); empty for a request
  /// that did not come over a socket (the actor API sets the caller's node).
  std::string peer;
  /// Who sent it (set by the authentication filter before the route runs).
  request_caller caller;
  /// Forwarded by another node of the cluster (over mutual TLS), which checked the caller and
  /// recorded the call already: `caller` is as that node found it.
  bool from_peer = false;

  /// A query parameter, or nullopt when absent.
  std::optional<std::string> query_param(std::string_view name) const;
};

/// One response a handler gives.
struct http_response {
  /// Status code.
  int status = 200;
  /// Extra header fields (Content-Type and Content-Length are set from the fields below).
  header_map headers;
  /// The response body.
  std::string body;
  /// Content-Type of the body.
  std::string content_type = "application/json";
};

/// Decodes %XX escapes (and '+' as a space when `plus_is_space`); nullopt for a bad escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = false);

/// `text` percent-encoded for a path segment or a query value (unreserved bytes stay).
std::string percent_encode(std::string_view text);

/// `path` with `query` appended as "?a=1&b=x%20y" (names and values percent-encoded).
std::string target_of(const std::string& path, const std::map<std::string, std::string>& query);

/// Splits "a=1&b=x%20y" into decoded pairs; nullopt when an escape is malformed.
std::optional<std::map<std::string, std::string>> parse_query(std::string_view query);

}  // namespace auraos::gateway
