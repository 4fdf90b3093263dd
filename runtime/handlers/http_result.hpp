#pragma once
// Turns a received HTTP response into the http node's result.

#include <string>
#include <utility>
#include <vector>

#include "runtime/handlers/work_result.hpp"

namespace auraos::runtime::handlers {

/// A response as received: status, header fields in order, body bytes.
struct http_response {
  /// Status code.
  int status = 0;
  /// Header fields as (name, value), in the order received.
  std::vector<std::pair<std::string, std::string>> headers;
  /// Body bytes.
  std::string body;
};

/// `{status, headers, body, json}`: header names lower-cased, repeated fields joined with ", ",
/// `json` present when the body parses. Status >= 500 fails with retryable `http_status`,
/// 4xx with non-retryable `http_status`; the output is kept in both cases.
work_result http_result_of(const http_response& response, const std::string& what);

}  // namespace auraos::runtime::handlers
