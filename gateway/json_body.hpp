#pragma once
// Parses a request body as JSON (runtime::parse_json); bad bodies become 400 errors.

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "gateway/api_error.hpp"
#include "runtime/result.hpp"

namespace auraos::gateway {

/// Parses `body`; a 400 error names the problem with its line and column (also in `details`).
result<nlohmann::json, api_error> parse_json_body(std::string_view body);

}  // namespace auraos::gateway
