#pragma once
// Query parameters shared by list routes: times, repeated names and the list order.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "persistence/execution_record.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// An optional RFC 3339 query parameter in ms since the epoch; a 400 error naming it.
result<std::optional<std::int64_t>, api_error> time_param(const http_request& request,
                                                          std::string_view name);

/// Every value of a query parameter given once or more (`type=a&type=b`), each also split at
/// commas, decoded, empty pieces dropped; a 400 error for a malformed escape or bad UTF-8.
result<std::vector<std::string>, api_error> repeated_param(const http_request& request,
                                                           std::string_view name);

/// The `order` query parameter: `oldest` (the default) or `newest`; a 400 error naming it.
result<persistence::list_order, api_error> order_param(const http_request& request);

}  // namespace auraos::gateway
