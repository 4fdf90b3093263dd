#pragma once
// The event types a rule looks at: the events service hands a rule's actor only these.

#include <string>
#include <vector>

#include "runtime/events/patterns/rule.hpp"

namespace auraos::runtime::events::patterns {

/// Every event type a step of `r` names, sorted, each once.
std::vector<std::string> rule_types(const rule& r);

}  // namespace auraos::runtime::events::patterns
