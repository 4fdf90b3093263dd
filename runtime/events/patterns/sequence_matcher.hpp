#pragma once
// The `sequence` matcher: the rule's steps in order, the last within `within` seconds of the
// first, per `by` value.
//
// Time: every call takes `now_ms`, the caller's clock (an actor passes its injected clock's
// now, or the event's `stored_at`); the matcher's time never goes back (an earlier `now_ms`
// counts as the latest seen). An event is at the matcher's time when it arrives.
// Overlapping partial sequences: an event advances the OLDEST open partial of its `by` value
// whose next step it matches; only when it advances none and matches the first step does it
// start a new partial. Each event is used by at most one partial; a completed sequence is
// emitted once and its partial removed (its events are consumed). A partial whose first event
// is more than `within` before now can no longer complete and is dropped (an event at exactly
// `within` still counts). At most `per_key_cap` partials per `by` value (the oldest is dropped)
// and `chain_book::max_chains` in all. Details: docs/event-patterns.md.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/patterns/chain_matcher.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// Matches one `sequence` rule; a value (copy it, store its `to_json`).
class sequence_matcher : public chain_matcher {
 public:
  /// Most open partial sequences per `by` value.
  static constexpr std::size_t per_key_cap = 100;

  /// A matcher with no partial sequences.
  explicit sequence_matcher(sequence_rule rule);
  /// Feeds one event; returns the sequence it completes (at most one).
  std::vector<match> on_event(const event& e, std::int64_t now_ms);
  /// A matcher for `rule` continuing from a stored state (`to_json`); partials as long as the
  /// rule's steps or longer are dropped.
  static result<sequence_matcher, std::string> from_json(sequence_rule rule,
                                                         const nlohmann::json& state);

 private:
  sequence_rule rule_;
};

}  // namespace auraos::runtime::events::patterns
