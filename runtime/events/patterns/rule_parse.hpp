#pragma once
// Parsing and validating a pattern rule from its JSON form (spec events.md, "Patterns").

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/patterns/rule.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// Every problem of a rule, one `path: message` line each (e.g. "steps[1].where: syntax error
/// at position 3: ...", "within: required").
using rule_errors = std::vector<std::string>;

/// Validates `{id?, name, kind, ..., emit: {type, source}}` into a rule; every error found is
/// returned.
result<rule, rule_errors> parse_rule(const nlohmann::json& document);

/// Parses JSON text, then validates it like `parse_rule`; malformed text is one error naming
/// line and column ("line 1, column 9: ...").
result<rule, rule_errors> parse_rule_text(std::string_view json_text);

}  // namespace auraos::runtime::events::patterns
