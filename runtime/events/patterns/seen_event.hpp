#pragma once
// What a matcher remembers of an event it used: its id, its correlation id and its time; a
// partial match is a chain of them (internal to the matchers).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"

namespace auraos::runtime::events::patterns {

/// One used event.
struct seen_event {
  std::string id;                             ///< The event's id.
  std::optional<std::string> correlation_id;  ///< Its correlation id, if any.
  std::int64_t at_ms = 0;                     ///< The matcher's time when it was seen.
  /// Equal when every field is.
  bool operator==(const seen_event&) const = default;
};

/// Events of one partial match, oldest first (never empty in a matcher's state).
using chain = std::vector<seen_event>;

/// True for a chain of one event (what absence and threshold keep).
bool is_single(const chain& events);

/// `e` as seen at `at_ms`.
seen_event seen_of(const event& e, std::int64_t at_ms);

/// The correlation id every event of `events` shares; nullopt when one has none or two differ.
std::optional<std::string> common_correlation(const chain& events);

/// `[[id, correlationId or null, atMs], ...]`.
nlohmann::json chain_json(const chain& events);

/// The chain written by `chain_json`; nullopt for anything else (or an empty chain).
std::optional<chain> chain_from_json(const nlohmann::json& value);

}  // namespace auraos::runtime::events::patterns
