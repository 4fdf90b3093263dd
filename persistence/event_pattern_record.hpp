#pragma once
// Stored pattern rules (the `event_patterns` table) and their matchers' states
// (`event_pattern_states`), docs/event-patterns.md "Runtime".

#include <cstdint>
#include <string>

namespace auraos::persistence {

/// One stored pattern rule.
struct event_pattern_record {
  std::string id;                 ///< The rule's id.
  std::string name;               ///< Its name.
  std::string kind;               ///< sequence, absence, threshold or rate.
  std::string rule;               ///< The rule as JSON text (runtime::events::patterns::rule_json).
  std::int64_t created_at = 0;    ///< ms since the epoch (set by the store on creation).
  std::int64_t updated_at = 0;    ///< ms since the epoch (set by the store on each put).
};

/// The stored state of one rule's matcher.
struct event_pattern_state {
  std::string pattern_id;       ///< The rule.
  std::string state;            ///< JSON text (written by the pattern actor).
  std::int64_t updated_at = 0;  ///< ms since the epoch.
};

}  // namespace auraos::persistence
