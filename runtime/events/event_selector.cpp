#include "runtime/events/event_selector.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::events {

nlohmann::json event_scope(const nlohmann::json& rendered) {
  return {{"event", rendered}};
}

bool selects(const event_selector& selector, const event& e, const nlohmann::json& rendered) {
  if (e.type != selector.type) return false;
  if (selector.source && e.source != *selector.source) return false;
  if (selector.correlation_id && e.correlation_id != selector.correlation_id) return false;
  if (!selector.where) return true;
  auto value = selector.where->evaluate(event_scope(rendered));
  return value && value->is_boolean() && value->get<bool>();
}

}  // namespace auraos::runtime::events
