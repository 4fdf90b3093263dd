#pragma once
// JSON text shared by the backends: tag lists and normalized documents.

#include <optional>
#include <string>
#include <vector>

#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// Tags as a JSON array text.
std::string tags_to_json(const std::vector<std::string>& tags);

/// Parses a JSON string array read from the tags of `owner` (e.g. "workflow 'orders'").
store_result<std::vector<std::string>> tags_from_json(const std::string& text,
                                                      const std::string& owner);

/// The compact form of a JSON text (`{"a": 1}` becomes `{"a":1}`); other text unchanged.
std::string compact_json(const std::string& text);

/// The compact form of a JSON text, if any.
std::optional<std::string> compact_json(const std::optional<std::string>& text);

}  // namespace auraos::persistence
