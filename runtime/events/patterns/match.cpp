#include "runtime/events/patterns/match.hpp"

namespace auraos::runtime::events::patterns {

match chain_match(const chain& events, const std::string& key, bool keyed, std::int64_t at_ms) {
  match out;
  for (const auto& e : events) out.matched.push_back(e.id);
  if (!events.empty()) out.causation_id = events.back().id;
  if (keyed) out.by = key;
  out.correlation_id = common_correlation(events);
  out.at_ms = at_ms;
  return out;
}

}  // namespace auraos::runtime::events::patterns
