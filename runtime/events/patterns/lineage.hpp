#pragma once
// Which rule derived an event, and how many derivations deep it is: written into a derived
// event's `metadata` so that rules do not feed on their own output forever.

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/events/event.hpp"

namespace auraos::runtime::events::patterns {

/// The lineage of an event: none for an event no rule derived.
struct lineage {
  std::optional<std::string> pattern_id;  ///< The rule that derived it.
  std::int64_t depth = 0;                 ///< 0: not derived; n: derived from a depth n-1 event.
};

/// The lineage in `e.metadata` (`patternId`, `patternDepth`).
lineage lineage_of(const event& e);

/// The metadata of an event derived by rule `pattern_id` at `depth`.
std::string lineage_metadata(const std::string& pattern_id, std::int64_t depth);

}  // namespace auraos::runtime::events::patterns
