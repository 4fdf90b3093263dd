#pragma once
// The body of `POST /api/v1/events` as event values, by its media type: the API's JSON
// (`application/json`, the default) or CloudEvents structured mode.

#include <vector>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "runtime/events/event.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// The published events of `request`: malformed JSON (or bad UTF-8) is a 400, invalid events a
/// 422 whose `details` name each problem's place ("[3].type: is required").
result<std::vector<runtime::events::event>, api_error> published_events(
    const http_request& request);

}  // namespace auraos::gateway
