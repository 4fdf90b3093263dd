#pragma once
// Any rule's matcher behind one value, for the actor that runs a rule: make it from the rule,
// feed it events and time, arm one timer at its deadline, store its state after each change and
// restore it after a restart.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "runtime/events/event.hpp"
#include "runtime/events/patterns/absence_matcher.hpp"
#include "runtime/events/patterns/match.hpp"
#include "runtime/events/patterns/rate_matcher.hpp"
#include "runtime/events/patterns/rule.hpp"
#include "runtime/events/patterns/sequence_matcher.hpp"
#include "runtime/events/patterns/threshold_matcher.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::events::patterns {

/// The matcher of one rule, whatever its kind.
using matcher = std::variant<sequence_matcher, absence_matcher, threshold_matcher, rate_matcher>;

/// A fresh matcher for `r`.
matcher make_matcher(const rule& r);

/// A matcher for `r` continuing from `state` (a `state_json` of a matcher of the same kind).
result<matcher, std::string> restore_matcher(const rule& r, const nlohmann::json& state);

/// Feeds one event at the caller's time `now_ms` (see sequence_matcher.hpp); returns matches.
std::vector<match> on_event(matcher& m, const event& e, std::int64_t now_ms);

/// Lets time pass to `now_ms`; returns the matches it produces (absence, rate).
std::vector<match> on_time(matcher& m, std::int64_t now_ms);

/// When `on_time` next has work; nullopt for none.
std::optional<std::int64_t> next_deadline(const matcher& m);

/// The state to store.
nlohmann::json state_json(const matcher& m);

}  // namespace auraos::runtime::events::patterns
