#include "runtime/events/patterns/lineage.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {

lineage lineage_of(const event& e) {
  lineage out;
  // Most events are not derived: only parse metadata that may hold a lineage.
  if (e.metadata.find("patternDepth") == std::string::npos) return out;
  auto doc = nlohmann::json::parse(e.metadata, nullptr, false);
  if (!doc.is_object()) return out;
  if (auto it = doc.find("patternId"); it != doc.end() && it->is_string())
    out.pattern_id = it->get<std::string>();
  if (auto it = doc.find("patternDepth"); it != doc.end() && it->is_number_integer())
    out.depth = it->get<std::int64_t>();
  return out;
}

std::string lineage_metadata(const std::string& pattern_id, std::int64_t depth) {
  return nlohmann::json{{"patternId", pattern_id}, {"patternDepth", depth}}.dump();
}

}  // namespace auraos::runtime::events::patterns
