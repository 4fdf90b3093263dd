#pragma once
// The event a rule emits when it matches (spec events.md, "Patterns").

#include <string>

#include "runtime/events/event.hpp"
#include "runtime/events/patterns/match.hpp"
#include "runtime/events/patterns/rule.hpp"

namespace auraos::runtime::events::patterns {

/// A UUID-shaped id (version 8, RFC 9562) hashed from the rule's id, the match's time and its
/// matched ids: the same match always gets the same id, so publishing it again after a
/// restart is idempotent.
std::string derived_event_id(const rule& r, const match& m);

/// The derived event of `m`: `emit`'s type and source, `derived_event_id`, timestamp
/// `m.at_ms`, causationId the last matching event (none when no event matched, a rate drop),
/// correlationId the one all matched events share (else none), metadata `{}`, and data
/// `{"patternId", "patternName", "kind", "matched": [ids], "by": value (when the rule has one),
/// "count", "mean", "stddev" (rate)}`. `seq` and `stored_at` are left for the store.
event derive_event(const rule& r, const match& m);

}  // namespace auraos::runtime::events::patterns
