#pragma once
// The one mapping from the project's error enum (runtime/error.hpp) to HTTP: status and wire
// name of each code, and the API errors of store, executions service and JSON parsing.

#include <string_view>

#include "actors/executions/execution_messages.hpp"
#include "gateway/api_error.hpp"
#include "persistence/store_error.hpp"
#include "runtime/error.hpp"
#include "runtime/json_parse.hpp"

namespace auraos::gateway {

/// The HTTP status of an error code: invalid 400, not_found 404, method_not_allowed 405,
/// conflict 409, payload_too_large 413, invalid_definition and invalid_input 422,
/// headers_too_large 431, unavailable and fenced (another node owns the shard: retry) 503,
/// internal 500.
int http_status(errc code);

/// The wire name of an error code, e.g. "not_found" (invalid: "bad_request"; fenced:
/// "unavailable").
std::string_view code_name(errc code);

/// A store error as an API error (same code and message).
api_error store_api_error(const persistence::store_error& error);

/// A refusal of the executions service as an API error (same code, message and details).
api_error execution_api_error(const actors::executions::execution_failure& failure);

/// 400 naming `what` (e.g. "body"), the problem and its place; details `[{line, column}]`.
api_error json_parse_api_error(const runtime::json_parse_error& error, std::string_view what);

}  // namespace auraos::gateway
