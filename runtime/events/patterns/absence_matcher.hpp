#pragma once
// The `absence` matcher: a `first` event not followed by a `then` event of the same `by` value
// within `within` seconds; the match is emitted when the window closes.
//
// Time: as in sequence_matcher.hpp (the caller's `now_ms`, never going back). A `first` event
// at time t opens a window [t, t + within]; a `then` event inside it (at exactly t + within
// included) closes every open window of its `by` value without a match. A window still open
// when the time passes t + within emits (at `on_time` or at the next `on_event`, whichever
// comes first) a match with matched = [the first event's id] and at_ms = t + within + 1, which
// is also `next_deadline`. An event that matches both `then` and `first` (e.g. a heartbeat
// rule) first closes the open windows, then opens its own. At most `per_key_cap` open windows
// per `by` value (the oldest is dropped unreported) and `chain_book::max_chains` in all.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/patterns/chain_matcher.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// Matches one `absence` rule; a value (copy it, store its `to_json`).
class absence_matcher : public chain_matcher {
 public:
  /// Most open windows per `by` value.
  static constexpr std::size_t per_key_cap = 100;

  /// A matcher with no open window.
  explicit absence_matcher(absence_rule rule);
  /// Closes the windows that expired by `now_ms` (returned as matches), then feeds the event.
  std::vector<match> on_event(const event& e, std::int64_t now_ms);
  /// Closes the windows that expired by `now_ms`; each is a match.
  std::vector<match> on_time(std::int64_t now_ms);
  /// A matcher for `rule` continuing from a stored state (`to_json`).
  static result<absence_matcher, std::string> from_json(absence_rule rule,
                                                        const nlohmann::json& state);

 private:
  std::vector<match> close_windows(std::int64_t now);
  absence_rule rule_;
};

}  // namespace auraos::runtime::events::patterns
