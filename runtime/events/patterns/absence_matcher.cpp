#include "runtime/events/patterns/absence_matcher.hpp"

#include <nlohmann/json.hpp>

#include "runtime/events/patterns/event_probe.hpp"

namespace auraos::runtime::events::patterns {

absence_matcher::absence_matcher(absence_rule rule)
    : chain_matcher(pattern_kind::absence, rule.within), rule_(std::move(rule)) {}

std::vector<match> absence_matcher::close_windows(std::int64_t now) {
  std::vector<match> out;
  for (auto& [key, window] : expire(now))
    out.push_back(
        chain_match(window, key, rule_.by.has_value(), window.front().at_ms + within_ms_ + 1));
  return out;
}

std::vector<match> absence_matcher::on_event(const event& e, std::int64_t now_ms) {
  auto now = admit(e, now_ms);
  if (!now) return {};
  auto out = close_windows(*now);
  if (e.type != rule_.first.type && e.type != rule_.then.type) return out;
  event_probe probe{e, *now};
  auto key = probe.key(rule_.by);
  if (!key) return out;
  if (probe.matches(rule_.then) && state_.book.clear(*key) > 0) state_.in.remember(e.id);
  if (probe.matches(rule_.first)) {
    state_.book.add(*key, {seen_of(e, *now)}, per_key_cap);
    state_.in.remember(e.id);
  }
  return out;
}

std::vector<match> absence_matcher::on_time(std::int64_t now_ms) {
  return close_windows(state_.in.advance(now_ms));
}

result<absence_matcher, std::string> absence_matcher::from_json(absence_rule rule,
                                                                const nlohmann::json& state) {
  return restored<absence_matcher>(std::move(rule), state, is_single);
}

}  // namespace auraos::runtime::events::patterns
