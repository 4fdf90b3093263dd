#include "runtime/events/patterns/rule_types.hpp"

#include <algorithm>

namespace auraos::runtime::events::patterns {

std::vector<std::string> rule_types(const rule& r) {
  std::vector<std::string> types;
  if (const auto* s = std::get_if<sequence_rule>(&r.shape))
    for (const auto& step : s->steps) types.push_back(step.type);
  if (const auto* a = std::get_if<absence_rule>(&r.shape)) {
    types.push_back(a->first.type);
    types.push_back(a->then.type);
  }
  if (const auto* t = std::get_if<threshold_rule>(&r.shape)) types.push_back(t->match.type);
  if (const auto* t = std::get_if<rate_rule>(&r.shape)) types.push_back(t->match.type);
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  return types;
}

}  // namespace auraos::runtime::events::patterns
