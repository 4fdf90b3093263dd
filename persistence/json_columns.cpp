#include "persistence/json_columns.hpp"

#include <nlohmann/json.hpp>

#include "runtime/json_parse.hpp"

namespace auraos::persistence {

std::string tags_to_json(const std::vector<std::string>& tags) {
  return runtime::dump_json(nlohmann::json(tags));
}

store_result<std::vector<std::string>> tags_from_json(const std::string& text,
                                                      const std::string& owner) {
  auto parsed = runtime::parse_json(text, runtime::max_stored_json_depth);
  std::vector<std::string> tags;
  bool valid = parsed && parsed->is_array();
  for (const auto& tag : valid ? *parsed : nlohmann::json::array()) {
    if (!tag.is_string()) valid = false;
    if (valid) tags.push_back(tag.get<std::string>());
  }
  if (valid) return tags;
  return store_fail(store_errc::internal,
                    "read " + owner + ": tags column is not a JSON string array");
}

std::string compact_json(const std::string& text) {
  auto parsed = runtime::parse_json(text, runtime::max_stored_json_depth);
  return parsed ? runtime::dump_json(*parsed) : text;
}

std::optional<std::string> compact_json(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return compact_json(*text);
}

}  // namespace auraos::persistence
