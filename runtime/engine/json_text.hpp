#pragma once
// JSON text <-> shared JSON values, as stored in history records.

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "runtime/definition/workflow.hpp"
#include "runtime/engine/state.hpp"

namespace auraos::runtime::engine {

/// Parses JSON text written by the engine; null for empty or malformed text.
runtime::json_ptr parse_json_text(std::string_view text);

/// Wraps a value in a shared pointer.
runtime::json_ptr share_json(nlohmann::json value);

/// The value, or null when the pointer is empty.
const nlohmann::json& json_or_null(const runtime::json_ptr& value);

/// Compact JSON text of a value (null when the pointer is empty).
std::string json_text(const runtime::json_ptr& value);

/// `{type, message, attempts}` plus the error's extra `fields` (as `nodes.ID.error` shows it).
nlohmann::json error_object(const node_error& error);

}  // namespace auraos::runtime::engine
