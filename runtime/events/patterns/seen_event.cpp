#include "runtime/events/patterns/seen_event.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {

using nlohmann::json;

bool is_single(const chain& events) {
  return events.size() == 1;
}

seen_event seen_of(const event& e, std::int64_t at_ms) {
  return {e.id, e.correlation_id, at_ms};
}

std::optional<std::string> common_correlation(const chain& events) {
  if (events.empty() || !events.front().correlation_id) return std::nullopt;
  for (const auto& e : events)
    if (e.correlation_id != events.front().correlation_id) return std::nullopt;
  return events.front().correlation_id;
}

json chain_json(const chain& events) {
  json out = json::array();
  for (const auto& e : events)
    out.push_back({e.id, e.correlation_id ? json(*e.correlation_id) : json(), e.at_ms});
  return out;
}

std::optional<chain> chain_from_json(const json& value) {
  if (!value.is_array() || value.empty()) return std::nullopt;
  chain events;
  for (const auto& item : value) {
    bool ok = item.is_array() && item.size() == 3 && item[0].is_string() &&
              (item[1].is_string() || item[1].is_null()) && item[2].is_number_integer();
    if (!ok) return std::nullopt;
    seen_event e{item[0].get<std::string>(), std::nullopt, item[2].get<std::int64_t>()};
    if (item[1].is_string()) e.correlation_id = item[1].get<std::string>();
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace auraos::runtime::events::patterns
