#pragma once
// The project's one error enum: every layer (store, actors, gateway) refuses with these codes;
// gateway/error_mapping.cpp is the one place that maps them to HTTP.

#include <cstdint>
#include <iosfwd>
#include <string_view>

namespace auraos {

/// What kind of failure an operation met.
enum class errc : std::uint8_t {
  not_found = 1,       ///< No record with that key.
  conflict,            ///< Another writer got there first, or the state does not allow it.
  fenced,              ///< The writer's shard lease epoch is no longer current.
  unavailable,         ///< The database is busy, locked or cannot be opened.
  invalid,             ///< The request itself is malformed (bad cursor, bad value, bad JSON).
  internal,            ///< Anything else: a bug or a corrupt database.
  invalid_input,       ///< An execution's input does not match its workflow.
  invalid_definition,  ///< A workflow definition is not valid.
  method_not_allowed,  ///< The path exists, the HTTP method does not.
  payload_too_large,   ///< The request body is too large.
  headers_too_large,   ///< The request headers are too large.
  unsupported_media_type,  ///< The request body's Content-Type is not one the call takes.
  not_acceptable,      ///< No answer in a type the request's Accept allows.
  too_many_requests,   ///< The caller is over a rate or open-stream limit (docs/security.md).
  uri_too_long,        ///< The request target is longer than the gateway takes.
  unauthorized,        ///< No valid token came with a call that needs one.
  forbidden,           ///< The caller's token lacks the permission the call needs.
};

/// The name of an error code, e.g. "not_found".
std::string_view to_string(errc code);

/// Prints the name of an error code (test failure messages, logs).
std::ostream& operator<<(std::ostream& out, errc code);

}  // namespace auraos
