#include "persistence/json_columns.hpp"

#include <nlohmann/json.hpp>

namespace auraos::persistence {

std::string tags_to_json(const std::vector<std::string>& tags) {
  return nlohmann::json(tags).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

store_result<std::vector<std::string>> tags_from_json(const std::string& text,
                                                      const std::string& workflow_id) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> tags;
  bool valid = parsed.is_array();
  for (const auto& tag : valid ? parsed : nlohmann::json::array()) {
    if (!tag.is_string()) valid = false;
    if (valid) tags.push_back(tag.get<std::string>());
  }
  if (valid) return tags;
  return store_fail(store_errc::internal,
                    "read workflow '" + workflow_id + "': tags column is not a JSON string array");
}

std::string compact_json(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return text;
  return parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace auraos::persistence
