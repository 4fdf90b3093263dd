#include "runtime/events/patterns/threshold_matcher.hpp"

#include <nlohmann/json.hpp>

#include "runtime/events/patterns/event_probe.hpp"

namespace auraos::runtime::events::patterns {

threshold_matcher::threshold_matcher(threshold_rule rule)
    : chain_matcher(pattern_kind::threshold, rule.within), rule_(std::move(rule)) {}

std::vector<match> threshold_matcher::on_event(const event& e, std::int64_t now_ms) {
  auto now = admit(e, now_ms);
  if (!now) return {};
  expire(*now);
  if (e.type != rule_.match.type) return {};
  event_probe probe{e, *now};
  auto key = probe.matches(rule_.match) ? probe.key(rule_.by) : std::nullopt;
  if (!key) return {};
  auto count = static_cast<std::size_t>(rule_.count);
  state_.book.add(*key, {seen_of(e, *now)}, count);
  state_.in.remember(e.id);
  const auto* window = state_.book.chains_of(*key);
  if (!window || window->size() < count) return {};
  chain events;
  for (const auto& one : *window) events.insert(events.end(), one.begin(), one.end());
  state_.book.clear(*key);
  return {chain_match(events, *key, rule_.by.has_value(), *now)};
}

result<threshold_matcher, std::string> threshold_matcher::from_json(threshold_rule rule,
                                                                    const nlohmann::json& state) {
  return restored<threshold_matcher>(std::move(rule), state, is_single);
}

}  // namespace auraos::runtime::events::patterns
