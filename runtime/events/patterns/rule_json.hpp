#pragma once
// The JSON form of a pattern rule, as the API answers it: `parse_rule(rule_json(r))` gives back
// an equal rule (a `where` written as "${...}" comes back bare).

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/patterns/rule.hpp"

namespace auraos::runtime::events::patterns {

/// `{id, name, kind, <the kind's fields>, emit: {type, source}}` (`id` omitted when empty,
/// `where` and `by` when absent).
nlohmann::json rule_json(const rule& r);

}  // namespace auraos::runtime::events::patterns
