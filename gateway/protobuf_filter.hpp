#pragma once
// REST in Protobuf: a route filter that reads `Content-Type: application/x-protobuf` bodies as
// the route's request message and answers `Accept: application/x-protobuf` with the route's
// answer message (auraos.v1.Error for errors), converting through the JSON mapping, so every
// handler keeps speaking JSON.

#include "gateway/router.hpp"

namespace auraos::gateway {

/// The filter; routes without Protobuf forms answer 415 to a Protobuf body and 406 to a
/// request that accepts only Protobuf.
route_filter protobuf_filter();

}  // namespace auraos::gateway
