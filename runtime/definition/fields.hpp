#pragma once
// Reading fields of a definition's JSON objects, reporting every wrong one (internal).

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/scope.hpp"

namespace auraos::runtime::definition {

/// The JSON type of `value` as named in messages: "string", "number", "object", ...
std::string_view type_name(const nlohmann::json& value);

/// Member `key` of `object`, or nullptr when absent (or `object` is no object).
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);

/// Reports every key of `object` outside `allowed` as "unknown field" (naming a close match).
void check_known_fields(const scope& at, const nlohmann::json& object,
                        std::initializer_list<std::string_view> allowed);

/// Reports "must be WHAT, found TYPE" at `key` unless `ok` (no "found" when WHAT names TYPE).
bool expect(const scope& at, std::string_view key, const nlohmann::json& value, bool ok,
            std::string_view what);

/// True for an identifier: `[A-Za-z_][A-Za-z0-9_-]*`.
bool is_identifier(std::string_view text);

/// True for a definition id (workflows, tasks): `[A-Za-z_][A-Za-z0-9_-]*` or a UUID.
bool is_definition_id(std::string_view text);

/// What a definition id must look like, for messages.
inline constexpr std::string_view definition_id_rule =
    "must match [A-Za-z_][A-Za-z0-9_-]* or be a UUID";

/// True for a string that is one whole-value template "${...}" (its type is known at run time).
bool is_whole_template(const nlohmann::json& value);

/// True for a string holding at least one "${".
bool has_template(const nlohmann::json& value);

/// True for a number with an integral value (3 or 3.0).
bool is_integral(const nlohmann::json& value);

/// True for an array whose every element is a string.
bool is_string_array(const nlohmann::json& value);

/// True for an object whose every value is a string.
bool is_string_object(const nlohmann::json& value);

/// True for an object whose every value is a string, a number or a boolean (a shell node's
/// `env`: numbers and booleans are passed as their JSON text).
bool is_scalar_object(const nlohmann::json& value);

/// An optional string member; reports a value of another type.
std::optional<std::string> optional_string(const scope& at, const nlohmann::json& object,
                                           std::string_view key);

/// A required string member: reports "required" when absent, a type error when not a string.
std::optional<std::string> required_string(const scope& at, const nlohmann::json& object,
                                           std::string_view key);

/// An optional number > 0; reports anything else.
std::optional<double> positive_number(const scope& at, const nlohmann::json& object,
                                      std::string_view key);

/// An optional integer from `min` to `max` (3.0 counts); reports anything else.
std::optional<std::int64_t> integer_between(const scope& at, const nlohmann::json& object,
                                            std::string_view key, std::int64_t min,
                                            std::int64_t max);

/// An optional array of strings; reports anything else.
std::optional<std::vector<std::string>> string_list(const scope& at, const nlohmann::json& object,
                                                    std::string_view key);

/// An optional string among `choices`; reports anything else, listing the choices.
std::optional<std::string> one_of(const scope& at, const nlohmann::json& object,
                                  std::string_view key,
                                  std::initializer_list<std::string_view> choices);

}  // namespace auraos::runtime::definition
