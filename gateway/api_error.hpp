#pragma once
// The REST API's error envelope: {"error": {"code", "message", "details"}} with its status.

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "gateway/http_message.hpp"

namespace auraos::gateway {

/// The kinds of error the API answers, each with a fixed HTTP status.
enum class error_code {
  bad_request,         ///< 400
  not_found,           ///< 404
  method_not_allowed,  ///< 405
  conflict,            ///< 409
  payload_too_large,   ///< 413
  headers_too_large,   ///< 431
  invalid_definition,  ///< 422
  invalid_input,       ///< 422
  internal,            ///< 500
  unavailable,         ///< 503
};

/// One API error: what went wrong, in words, with optional structured details.
struct api_error {
  /// The kind of error; decides the status.
  error_code code = error_code::internal;
  /// A sentence naming the problem and the place.
  std::string message;
  /// A JSON array of details; a null pointer answers an empty array.
  std::shared_ptr<const nlohmann::json> details;
};

/// The HTTP status of an error kind.
int http_status(error_code code);

/// The wire name of an error kind, e.g. "not_found".
std::string_view code_name(error_code code);

/// Builds an error with a message and no details.
api_error make_error(error_code code, std::string message);

/// The envelope as JSON: {"error": {"code": ..., "message": ..., "details": [...]}}.
nlohmann::json error_body(const api_error& error);

/// A complete response carrying the error envelope and its status.
http_response error_response(const api_error& error);

/// A JSON response with the given status and body.
http_response json_response(int status, const nlohmann::json& body);

}  // namespace auraos::gateway
