#pragma once
// The REST API's error envelope: {"error": {"code", "message", "details"}} with its status.

#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "gateway/http_message.hpp"
#include "runtime/error.hpp"

namespace auraos::gateway {

/// One API error: what went wrong, in words, with optional structured details.
struct api_error {
  /// The kind of error; decides the status.
  errc code = errc::internal;
  /// A sentence naming the problem and the place.
  std::string message;
  /// A JSON array of details; a null pointer answers an empty array.
  std::shared_ptr<const nlohmann::json> details;
};

/// Builds an error with a message and no details.
api_error make_error(errc code, std::string message);

/// The envelope as JSON: {"error": {"code": ..., "message": ..., "details": [...]}}.
nlohmann::json error_body(const api_error& error);

/// A complete response carrying the error envelope and its status.
http_response error_response(const api_error& error);

/// A JSON response with the given status and body.
http_response json_response(int status, const nlohmann::json& body);

}  // namespace auraos::gateway
