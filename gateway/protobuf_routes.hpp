#pragma once
// Which Protobuf message is the body and which the answer of each JSON route: read once from
// the `x-protobuf` extension of the embedded OpenAPI document (gateway/openapi/openapi.json).

#include <string>
#include <string_view>
#include <vector>

#include "gateway/router.hpp"

namespace auraos::gateway {

/// The Protobuf forms of one route.
struct protobuf_route {
  std::string operation;           ///< The OpenAPI operationId, e.g. "getExecution".
  route_pattern route;             ///< Its method and path pattern, as the router has them.
  std::string request;             ///< Full name of the body's message; empty: takes no body.
  std::string response;            ///< Full name of the 2xx answer's message; empty: no body.
  bool request_is_array = false;   ///< The JSON body is an array: the message's only field.
  bool response_is_array = false;  ///< The JSON answer is an array: the message's only field.
};

/// Every route of the document that has Protobuf forms, in document order.
const std::vector<protobuf_route>& protobuf_routes();

/// The Protobuf forms of a route, or null when it has none (streams, text, the dashboard).
const protobuf_route* find_protobuf_route(const route_pattern& route);

/// The Protobuf forms of an operation by its operationId, or null when there is none.
const protobuf_route* find_protobuf_operation(std::string_view operation);

}  // namespace auraos::gateway
