#pragma once
// Parses a request body as JSON with a nesting limit; bad bodies become 400 errors.

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "gateway/api_error.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// The nesting depth a request body may have unless a caller says otherwise.
inline constexpr int default_json_depth_limit = 64;

/// The nesting depth of the deepest array or object in `text` (0 for a scalar).
int json_nesting_depth(std::string_view text);

/// Parses `body`; a 400 error names the line and column of malformed JSON, or the depth limit.
result<nlohmann::json, api_error> parse_json_body(std::string_view body,
                                                  int max_depth = default_json_depth_limit);

}  // namespace auraos::gateway
