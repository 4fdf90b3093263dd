#pragma once
// JSON text shared by the backends: tag lists and normalized documents.

#include <string>
#include <vector>

#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// Tags as a JSON array text.
std::string tags_to_json(const std::vector<std::string>& tags);

/// Parses a JSON string array read from the tags of workflow `workflow_id`.
store_result<std::vector<std::string>> tags_from_json(const std::string& text,
                                                      const std::string& workflow_id);

/// The compact form of a JSON text (`{"a": 1}` becomes `{"a":1}`); other text unchanged.
std::string compact_json(const std::string& text);

}  // namespace auraos::persistence
