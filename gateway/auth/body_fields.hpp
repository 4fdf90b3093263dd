#pragma once
// Fields of the security routes' JSON bodies, checked with errors that name the field.

#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "gateway/api_error.hpp"
#include "gateway/http_message.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway::auth {

/// The body of `request` as a JSON object, or the 400 naming what is wrong.
result<nlohmann::json, api_error> object_body(const http_request& request);

/// The string field `name` of `body` with 1 to `max_length` characters; nullopt when absent
/// and not `required`; a 400 (missing) or 422 (wrong type or length) naming it otherwise.
result<std::optional<std::string>, api_error> string_field(const nlohmann::json& body,
                                                           const char* name, bool required,
                                                           std::size_t max_length);

/// Refuses a body field other than `known` with a 422 naming it and the known ones.
std::optional<api_error> unknown_field(const nlohmann::json& body,
                                       std::initializer_list<const char*> known);

/// A 409 for a call that needs authentication on a node that has it off.
api_error auth_off_error();

}  // namespace auraos::gateway::auth
