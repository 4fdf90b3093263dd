#pragma once
// The one mapping from the project's errors (store, executions service, JSON parsing) to API
// errors; api_error.cpp gives each API error kind its HTTP status.

#include <string_view>

#include "actors/executions_service.hpp"
#include "gateway/api_error.hpp"
#include "persistence/store_error.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {

/// not_found 404, conflict 409, invalid 400, unavailable 503; fenced and internal 500.
api_error store_api_error(const persistence::store_error& error);

/// not_found 404, conflict 409, invalid_input 422, bad_request 400, unavailable 503, internal 500.
api_error execution_api_error(const actors::execution_failure& failure);

/// 400 naming `what` (e.g. "body"), the problem and its place; details `[{line, column}]`.
api_error json_parse_api_error(const runtime::json_parse_error& error, std::string_view what);

}  // namespace auraos::gateway
