// Matching events against a filter in memory.

#include "runtime/events/event_filter.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/events/event_json.hpp"

namespace auraos::runtime::events {

bool event_filter::matches_fields(const event& e) const {
  if (!types.empty() && std::find(types.begin(), types.end(), e.type) == types.end())
    return false;
  if (source && *source != e.source) return false;
  if (from_ms && e.timestamp < *from_ms) return false;
  if (to_ms && e.timestamp >= *to_ms) return false;
  return !correlation_id || correlation_id == e.correlation_id;
}

bool event_filter::matches(const event& e, const nlohmann::json& scope) const {
  return matches_fields(e) && (!where || where_holds(*where, scope));
}

bool event_filter::matches(const event& e) const {
  if (!matches_fields(e)) return false;
  return !where || where_holds(*where, where_scope(e));
}

nlohmann::json where_scope(const event& e) { return {{"event", event_json(e)}}; }

bool where_holds(const expr::expression& where, const nlohmann::json& scope) {
  auto value = where.evaluate(scope);
  return value && value->is_boolean() && value->get<bool>();
}

result<expr::expression, std::string> parse_where(std::string_view text) {
  auto parsed = expr::expression::parse(text);
  if (!parsed) return fail("where: " + parsed.error().to_string());
  return std::move(*parsed);
}

}  // namespace auraos::runtime::events
