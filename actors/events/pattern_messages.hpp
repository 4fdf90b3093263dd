#pragma once
// The requests and replies of the pattern service (`event-patterns`, under the events service)
// as plain values: what the gateway exchanges with it (docs/event-patterns.md, "REST").

#include <cstdint>
#include <optional>
#include <string>

#include "actors/executions/execution_messages.hpp"
#include "persistence/event_pattern_record.hpp"
#include "persistence/workflow_record.hpp"

namespace auraos::actors::events {

/// A stored rule and what its actor saw: matches since the rule was stored (kept in its state).
struct pattern_info {
  persistence::event_pattern_record record;  ///< The stored rule.
  std::int64_t matches = 0;                  ///< Derived events emitted.
  std::optional<std::int64_t> last_match_ms;  ///< Time of the last match, if any.
};

/// Creates (`create`) or replaces a rule. `rule` is the validated rule's JSON text
/// (`rule_json`), with `id` set (the gateway assigns one when the body has none).
struct pattern_put {
  std::string id;       ///< The rule.
  std::string name;     ///< Its name.
  std::string kind;     ///< Its kind.
  std::string rule;     ///< JSON text.
  bool create = true;   ///< Create (conflict when it exists) or replace (not found when not).
};

/// Deletes a rule and its state.
struct pattern_delete {
  std::string id;  ///< The rule.
};

/// Asks for one rule.
struct pattern_get {
  std::string id;  ///< The rule.
};

/// Asks for a page of rules in creation order.
struct pattern_list {
  persistence::page_request page;  ///< Where.
};

/// One rule, or why there is none.
using pattern_reply = result<pattern_info, executions::execution_failure>;
/// A page of rules, or why there is none.
using pattern_page_reply =
    result<persistence::page<pattern_info>, executions::execution_failure>;

}  // namespace auraos::actors::events
