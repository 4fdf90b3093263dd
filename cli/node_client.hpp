#pragma once
// The client side of `--server`: plain HTTP/1.1 requests to a node's REST API, and a streamed
// GET that hands the body over as it arrives (Server-Sent Events).

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/result.hpp"

namespace auraos::cli {

/// Where a node listens: `http://HOST[:PORT]`.
struct server_address {
  std::string host;            ///< Host name or address (IPv6 without brackets).
  std::uint16_t port = 8080;   ///< TCP port.
  std::string url;             ///< The URL as resolved, e.g. "http://127.0.0.1:8080".
  std::string token;           ///< Sent as `Authorization: Bearer TOKEN` when not empty.
};

/// The server of `--server` (empty: `$AURAOS_SERVER`, else http://127.0.0.1:8080); an error
/// sentence for a URL that is not `http://HOST[:PORT]`. Its token is `token_flag`, else
/// `$AURAOS_TOKEN`, else the one `auraos login` saved for that URL (cli/credentials.hpp); a
/// `token_flag` of "-" sends none.
result<server_address, std::string> resolve_server(const std::string& flag,
                                                   const std::string& token_flag = "");

/// A node's answer.
struct node_reply {
  int status = 0;                              ///< HTTP status.
  std::map<std::string, std::string> headers;  ///< Fields by lower-case name.
  std::string body;                            ///< The whole body.
};

/// Why a request got no answer (the server could not be reached or broke off).
struct unreachable {
  std::string message;  ///< Names the server and the step.
};

/// Sends one request (`Content-Type: application/json` when `body` is not empty).
result<node_reply, unreachable> call_node(const server_address& server, const std::string& method,
                                          const std::string& target, const std::string& body = "",
                                          const std::map<std::string, std::string>& headers = {});

/// Sends `GET target` and calls `on_data` with each piece of the body as it arrives, until the
/// server ends the body or `on_data` returns false. A non-2xx answer is returned whole (its
/// body not streamed).
result<node_reply, unreachable> stream_node(
    const server_address& server, const std::string& target,
    const std::map<std::string, std::string>& headers,
    const std::function<bool(std::string_view)>& on_data);

/// `text` percent-encoded for a query value.
std::string query_escape(std::string_view text);

}  // namespace auraos::cli
