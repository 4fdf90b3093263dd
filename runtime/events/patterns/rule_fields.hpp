#pragma once
// Reading the fields of a pattern rule's JSON, reporting every wrong one in the style of the
// workflow definition rules (internal to rule_parse.cpp).

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/scope.hpp"
#include "runtime/events/patterns/rule.hpp"

namespace auraos::runtime::events::patterns {

/// True for an event type or source: 1 to 100 characters of `[A-Za-z0-9._:/-]`.
bool is_event_name(std::string_view text);

/// A required event name (type or source) at `key`.
std::optional<std::string> read_event_name(const definition::scope& at,
                                           const nlohmann::json& object, std::string_view key);

/// `{type, where}` read from `object` itself (`where` optional); nullopt after an error.
std::optional<event_step> read_step(const definition::scope& at, const nlohmann::json& object);

/// `{type, where}` read from the object at `key` (required, no other fields).
std::optional<event_step> read_step_at(const definition::scope& at, const nlohmann::json& object,
                                       std::string_view key);

/// The optional `by` path: "correlationId", or field names below `data` ("data." optional).
std::optional<by_path> read_by(const definition::scope& at, const nlohmann::json& object);

/// A required number of seconds at `key`, at least 0.001 and at most `max`.
std::optional<double> read_seconds(const definition::scope& at, const nlohmann::json& object,
                                   std::string_view key, double max);

}  // namespace auraos::runtime::events::patterns
