#pragma once
// What a rule's actor stores: its matcher's state and its progress through the event log, as
// one JSON text `{"version": 1, "seq", "matches", "lastMatchMs", "matcher": state_json}`.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/events/patterns/matcher.hpp"

namespace auraos::runtime::events::patterns {

/// How far a rule's actor got.
struct pattern_progress {
  std::int64_t seq = 0;                       ///< The last event seq it handled.
  std::int64_t matches = 0;                   ///< Derived events it emitted.
  std::optional<std::int64_t> last_match_ms;  ///< Time of its last match.
};

/// The stored text of `m` and `progress`.
std::string stored_pattern_text(const matcher& m, const pattern_progress& progress);

/// A stored text read back for rule `r`.
struct restored_pattern {
  matcher restored;                    ///< The stored matcher, or a fresh one (see `problem`).
  pattern_progress progress;           ///< As stored (zeros when unreadable).
  std::optional<std::string> problem;  ///< Why the stored matcher was not taken, if it was not.
};

/// Restores the matcher of `r` from `text` (a fresh matcher when the text or its matcher
/// state is refused, e.g. after the rule's kind changed; the progress is kept when readable).
restored_pattern restore_stored_pattern(const rule& r, std::string_view text);

/// The progress in a stored text (zeros when unreadable).
pattern_progress stored_progress(std::string_view text);

}  // namespace auraos::runtime::events::patterns
