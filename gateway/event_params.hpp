#pragma once
// The filters of `GET /api/v1/events` and `GET /api/v1/events/stream`: type (repeatable),
// source, from, to, correlationId, where.

#include <string>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "persistence/event_record.hpp"
#include "runtime/events/event_filter.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// What a request asks to see: the filter (with `where` parsed) and the `where` text.
struct event_params {
  runtime::events::event_filter filter;  ///< Every member, `where` parsed.
  std::string where;                     ///< The `where` text ("" when absent).
};

/// Reads the filters of the query; a 400 error naming the parameter (and the position in
/// `where`) on a bad value.
result<event_params, api_error> parse_event_params(const http_request& request);

/// The members of `filter` a store applies (all but `where`).
persistence::event_filter store_filter(const runtime::events::event_filter& filter);

}  // namespace auraos::gateway
