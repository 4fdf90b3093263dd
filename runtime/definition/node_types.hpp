#pragma once
// Node type spellings (internal).

#include <optional>
#include <string>
#include <string_view>

#include "runtime/definition/workflow.hpp"

namespace auraos::runtime::definition {

/// The node type spelled `name`, or nullopt for an unknown spelling.
std::optional<node_type> parse_node_type(std::string_view name);

/// Every known node type, comma-separated, for messages.
std::string known_node_types();

/// Why this version cannot run nodes of `type` (the service they need does not exist yet);
/// nullopt for the types it runs.
std::optional<std::string> unavailable_reason(node_type type);

}  // namespace auraos::runtime::definition
