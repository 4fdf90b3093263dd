#pragma once
// Config values whose type may also be left to run time by a whole "${...}" template (internal).

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/fields.hpp"

namespace auraos::runtime::definition {

/// A test of a config value's shape.
using shape_test = bool (*)(const nlohmann::json&);

/// Checks member `key` when present: a whole template passes, else `test` must hold.
void typed_field(const scope& at, const nlohmann::json& config, std::string_view key,
                 shape_test test, std::string_view what);

/// True for a string.
bool is_string(const nlohmann::json& value);
/// True for an object.
bool is_object(const nlohmann::json& value);
/// True for a number > 0.
bool is_positive(const nlohmann::json& value);
/// True for a non-empty array of strings.
bool is_options(const nlohmann::json& value);

/// Checks a `delay` config: exactly one of `seconds` (≥ 0) or `until` (RFC 3339).
void check_delay(const scope& at, const nlohmann::json& config);

/// Checks a `subworkflow` config: exactly one of `workflowId` or `file`, plus `input`.
void check_subworkflow(const scope& at, const nlohmann::json& config);

}  // namespace auraos::runtime::definition
