#pragma once
// Internal (includes Beast): conversions between Beast messages and the gateway's model.

#include <boost/beast/http.hpp>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway::detail {

/// The Beast request type the server reads.
using beast_request = boost::beast::http::request<boost::beast::http::string_body>;
/// The Beast response type the server writes.
using beast_response = boost::beast::http::response<boost::beast::http::string_body>;

/// The head of a streamed response (its chunks follow, written by the session).
using beast_stream_head = boost::beast::http::response<boost::beast::http::empty_body>;

/// The plain request; a 400 error when the query holds a malformed escape.
result<http_request, api_error> to_http_request(beast_request&& request);

/// The Beast response for `response` in HTTP `version`, keeping the connection or not; for a
/// HEAD request (`head`), the same header fields (Content-Length of the body) and no body.
beast_response to_beast_response(http_response&& response, unsigned version, bool keep_alive,
                                 bool head = false);

/// The head of a streamed response for `head` (status, header fields, Content-Type) in HTTP
/// `version`: chunked in HTTP/1.1, ended by closing the connection either way.
beast_stream_head to_stream_head(http_response&& head, unsigned version);

}  // namespace auraos::gateway::detail
