#pragma once
// Request/response round trips from an event-based driver actor with a bounded window.

#include <cstdint>
#include <functional>
#include <string>

#include <caf/fwd.hpp>

namespace auraos::bench {

/// What a round trip asks.
enum class trip_kind {
  /// `(get_atom, id)`, answered by an `execution_reply` (the REST view).
  view,
  /// `(brief_atom)`, answered by an `execution_brief`.
  brief,
};

/// Sends `count` requests of `kind` to `target`, keeping `window` of them in flight; the
/// seconds taken, or a negative number on an error.
double round_trips(caf::actor_system& system, const caf::actor& target, trip_kind kind,
                   const std::string& id, std::int64_t count, int window);

/// Starts `count` executions of `workflow_id` through `service`, keeping at most `window`
/// started and not yet ended (`ended()` reports how many ended) and at most `window` starts
/// unanswered; false on a refused start.
bool start_executions(caf::actor_system& system, const caf::actor& service,
                      const std::string& workflow_id, std::int64_t count, int window,
                      const std::function<std::int64_t()>& ended);

}  // namespace auraos::bench
