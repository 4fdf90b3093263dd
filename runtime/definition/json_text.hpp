#pragma once
// JSON text to a JSON value, with syntax errors that name line and column (internal).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "runtime/result.hpp"

namespace auraos::runtime::definition {

/// Deepest nesting of arrays and objects accepted (the parser recurses).
inline constexpr std::size_t max_json_depth = 256;

/// Parses `text`; an error reads "line 3, column 5: <what is wrong>".
result<nlohmann::json, std::string> parse_json_text(std::string_view text);

}  // namespace auraos::runtime::definition
