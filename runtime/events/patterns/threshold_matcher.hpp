#pragma once
// The `threshold` matcher: at least `count` matching events within a sliding window of
// `within` seconds, per `by` value.
//
// Time: as in sequence_matcher.hpp (the caller's `now_ms`, never going back). Each matching
// event is kept with its time t; at time now the window holds the kept events with
// t >= now - within (an event exactly `within` old still counts). When an event brings its `by`
// value's window to `count`, one match is emitted with the ids of those events (oldest first)
// and that value's window is emptied (reset): the next match needs `count` new events. At most
// `count - 1` events are kept per `by` value, and `chain_book::max_chains` in all (each kept
// event is a chain of one).

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/patterns/chain_matcher.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// Matches one `threshold` rule; a value (copy it, store its `to_json`).
class threshold_matcher : public chain_matcher {
 public:
  /// A matcher with empty windows.
  explicit threshold_matcher(threshold_rule rule);
  /// Feeds one event; returns the match it completes (at most one).
  std::vector<match> on_event(const event& e, std::int64_t now_ms);
  /// A matcher for `rule` continuing from a stored state (`to_json`).
  static result<threshold_matcher, std::string> from_json(threshold_rule rule,
                                                          const nlohmann::json& state);

 private:
  threshold_rule rule_;
};

}  // namespace auraos::runtime::events::patterns
