#include "runtime/events/patterns/sequence_matcher.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "runtime/events/patterns/event_probe.hpp"

namespace auraos::runtime::events::patterns {

sequence_matcher::sequence_matcher(sequence_rule rule)
    : chain_matcher(pattern_kind::sequence, rule.within), rule_(std::move(rule)) {}

std::vector<match> sequence_matcher::on_event(const event& e, std::int64_t now_ms) {
  auto now = admit(e, now_ms);
  if (!now) return {};
  expire(*now);
  bool relevant = std::any_of(rule_.steps.begin(), rule_.steps.end(),
                              [&](const event_step& step) { return step.type == e.type; });
  if (!relevant || rule_.steps.size() < 2) return {};
  event_probe probe{e, *now};
  auto key = probe.key(rule_.by);
  if (!key) return {};
  auto* partials = state_.book.chains_of(*key);
  for (std::size_t i = 0; partials && i < partials->size(); ++i) {
    auto& partial = (*partials)[i];
    if (!probe.matches(rule_.steps[partial.size()])) continue;
    partial.push_back(seen_of(e, *now));
    state_.in.remember(e.id);
    if (partial.size() < rule_.steps.size()) return {};
    auto done = chain_match(partial, *key, rule_.by.has_value(), *now);
    state_.book.remove(*key, i);
    return {std::move(done)};
  }
  if (!probe.matches(rule_.steps.front())) return {};
  state_.book.add(*key, {seen_of(e, *now)}, per_key_cap);
  state_.in.remember(e.id);
  return {};
}

result<sequence_matcher, std::string> sequence_matcher::from_json(sequence_rule rule,
                                                                  const nlohmann::json& state) {
  auto steps = rule.steps.size();
  return restored<sequence_matcher>(std::move(rule), state,
                                    [steps](const chain& c) { return c.size() < steps; });
}

}  // namespace auraos::runtime::events::patterns
