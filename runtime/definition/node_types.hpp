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

}  // namespace auraos::runtime::definition
