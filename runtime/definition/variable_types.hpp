#pragma once
// Variable types: their spelling and which JSON values they accept (internal).

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/workflow.hpp"

namespace auraos::runtime::definition {

/// The type spelled `name` ("string", ...); `any` for an unknown spelling.
variable_type parse_variable_type(std::string_view name);

/// The spelling of `type` as in definitions.
std::string_view to_string(variable_type type);

/// True when `value` is of `type` (every value is of type `any`).
bool matches_type(variable_type type, const nlohmann::json& value);

}  // namespace auraos::runtime::definition
