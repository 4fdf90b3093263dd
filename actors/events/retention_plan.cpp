// The deletes of a retention pass, from the rules and the stored types.
#include "actors/events/retention_plan.hpp"

#include <map>

namespace auraos::actors::events {

std::vector<retention_task> retention_tasks(
    const std::vector<persistence::event_retention_rule>& rules,
    const std::vector<std::string>& types, std::int64_t now_ms) {
  std::map<std::string, const persistence::event_retention_rule*> by_type;
  for (const auto& rule : rules) by_type[rule.type] = &rule;
  auto fallback = by_type.find(persistence::default_retention_type);
  std::vector<retention_task> out;
  for (const auto& type : types) {
    auto it = by_type.find(type);
    if (it == by_type.end()) it = fallback;
    if (it == by_type.end()) continue;
    const auto& rule = *it->second;
    retention_task task{type, std::nullopt, rule.max_count};
    if (rule.max_age_seconds) task.older_than_ms = now_ms - *rule.max_age_seconds * 1000;
    if (task.older_than_ms || task.keep) out.push_back(std::move(task));
  }
  return out;
}

}  // namespace auraos::actors::events
