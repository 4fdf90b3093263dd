#pragma once
// What the sequence, absence and threshold matchers share: a window of `within` seconds,
// partial matches by `by` key, the matcher's clock and its recently used event ids.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"
#include "runtime/events/patterns/match.hpp"
#include "runtime/events/patterns/matcher_state.hpp"
#include "runtime/events/patterns/rule.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// The base of the matchers that keep chains (a value type like them).
class chain_matcher {
 public:
  /// When the oldest partial's window closes: its start + within + 1 ms; nullopt when none.
  std::optional<std::int64_t> next_deadline() const;
  /// Lets time pass: drops partials whose window closed (no match).
  std::vector<match> on_time(std::int64_t now_ms);
  /// The state to store (partials, clock, recently used ids).
  nlohmann::json to_json() const;

 protected:
  /// Partials started earlier than this before now are out of their window.
  chain_matcher(pattern_kind kind, double within_seconds);
  /// Starts feeding `e`: nullopt for an event used lately (a duplicate or a replay); else the
  /// matcher's time for it.
  std::optional<std::int64_t> admit(const event& e, std::int64_t now_ms);
  /// Removes and returns the partials whose window closed by `now` (by start).
  std::vector<std::pair<std::string, chain>> expire(std::int64_t now);
  /// Replaces the state by a stored one, keeping the chains for which `keep` is true; an error
  /// names what is wrong.
  std::optional<std::string> restore(const nlohmann::json& state,
                                     const std::function<bool(const chain&)>& keep);

  /// A `Matcher` of `rule` continuing from `state` (see `restore`).
  template <class Matcher, class Rule>
  static result<Matcher, std::string> restored(Rule rule, const nlohmann::json& state,
                                               const std::function<bool(const chain&)>& keep) {
    Matcher out{std::move(rule)};
    if (auto error = out.restore(state, keep)) return fail(std::move(*error));
    return out;
  }

  pattern_kind kind_;       ///< For the stored state.
  std::int64_t within_ms_;  ///< The window.
  chain_state state_;       ///< Partials, clock, used ids.
};

}  // namespace auraos::runtime::events::patterns
