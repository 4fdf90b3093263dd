#pragma once
// What a matcher reports when its rule matches; `derive_event` (derived_event.hpp) turns it into
// the event the rule emits.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/events/patterns/seen_event.hpp"

namespace auraos::runtime::events::patterns {

/// The figures of a `rate` match.
struct rate_figures {
  std::int64_t count = 0;  ///< Events in the window that closed.
  double mean = 0;         ///< Mean count of the previous windows.
  double stddev = 0;       ///< Their standard deviation (population).
  /// Equal when every field is.
  bool operator==(const rate_figures&) const = default;
};

/// One match of a rule.
struct match {
  std::vector<std::string> matched;  ///< Ids of the matching events, in order.
  std::string causation_id;          ///< The last matching event's id (may be empty).
  std::optional<std::string> by;     ///< JSON text of the `by` value, when the rule has one.
  std::optional<std::string> correlation_id;  ///< Shared by every matched event, if any.
  std::int64_t at_ms = 0;                     ///< The matcher's time of the match.
  std::optional<rate_figures> figures;        ///< Set by the `rate` matcher.
  /// Equal when every field is.
  bool operator==(const match&) const = default;
};

/// The match made of `events` (ids in order, the last one as causation, their shared
/// correlation id) under the key `key` (kept only when `keyed`).
match chain_match(const chain& events, const std::string& key, bool keyed, std::int64_t at_ms);

}  // namespace auraos::runtime::events::patterns
