#pragma once
// Conversions between captured bytes, rendered config values and JSON.

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/handlers/work_result.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::handlers {

/// A JSON string holding `bytes`, with invalid UTF-8 replaced by U+FFFD.
nlohmann::json text_value(std::string_view bytes);

/// A config scalar as text: strings as they are, numbers and booleans as JSON text.
/// Fails with error type `config` naming `where` for null, objects and arrays.
result<std::string, work_error> scalar_text(const nlohmann::json& value, const std::string& where);

/// An object of scalars (`env`, `headers`) as a map of text; null or absent gives an empty map.
result<std::map<std::string, std::string>, work_error> text_map(const nlohmann::json& value,
                                                                const std::string& where);

/// A non-retryable `config` error naming the place.
work_error config_error(const std::string& where, const std::string& problem);

}  // namespace auraos::runtime::handlers
