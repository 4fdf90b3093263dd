#pragma once
// The `rate` matcher: counts matching events per window of `windowSeconds` and reports a window
// whose count lies outside mean ± k·stddev of the previous windows.
//
// Time: as in sequence_matcher.hpp (the caller's `now_ms`, never going back). Windows are
// aligned to the epoch: window n is [n·w, (n+1)·w) ms. Counting starts with the window of the
// first matching event; every later window counts, empty ones as 0. A window is evaluated when
// it closes (the first `on_event` or `on_time` at or after its end): when at least
// `min_history` previous windows are known, it matches if |count − mean| > k·stddev over the
// last `history_cap` previous windows (population standard deviation; with stddev 0 any
// difference from the mean matches, a flat series never does). The match has at_ms = the
// window's end, figures {count, mean, stddev}, matched = the ids of the window's last
// `matched_cap` events (empty for an empty window) and causation = the last of them. When
// everything known is 0 the matcher is idle: no deadline until the next matching event, and the
// empty windows in between count as 0 without being evaluated one by one.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"
#include "runtime/events/patterns/intake.hpp"
#include "runtime/events/patterns/match.hpp"
#include "runtime/events/patterns/rule.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// Matches one `rate` rule; a value (copy it, store its `to_json`).
class rate_matcher {
 public:
  /// Most previous windows the mean and stddev are taken over.
  static constexpr std::size_t history_cap = 30;
  /// Fewest previous windows before a window is evaluated.
  static constexpr std::size_t min_history = 2;
  /// Most event ids a match names (the window's last ones).
  static constexpr std::size_t matched_cap = 50;

  /// A matcher that has counted nothing.
  explicit rate_matcher(rate_rule rule);

  /// Closes the windows that ended by `now_ms` (their matches are returned), then counts `e`.
  std::vector<match> on_event(const event& e, std::int64_t now_ms);
  /// Closes the windows that ended by `now_ms`; returns their matches.
  std::vector<match> on_time(std::int64_t now_ms);
  /// The end of the current window; nullopt before the first event and while idle.
  std::optional<std::int64_t> next_deadline() const;

  /// The state to store (current window, previous counts, clock, recently used ids).
  nlohmann::json to_json() const;
  /// A matcher for `rule` continuing from a stored state; a state counted with another window
  /// length keeps only its clock and used ids.
  static result<rate_matcher, std::string> from_json(rate_rule rule, const nlohmann::json& state);

 private:
  void advance_to(std::int64_t window, std::vector<match>& out);
  void close_window(std::vector<match>& out);
  void count(const event& e, std::int64_t now);
  bool idle() const;

  rate_rule rule_;
  std::int64_t window_ms_;
  intake in_;
  std::optional<std::int64_t> window_;  // the current window's number
  std::int64_t count_ = 0;              // its matching events
  chain last_;                          // its last `matched_cap` events
  bool shared_ = true;                  // whether they share `last_.front()`'s correlation id
  std::deque<std::int64_t> history_;    // previous windows' counts, oldest first
};

}  // namespace auraos::runtime::events::patterns
