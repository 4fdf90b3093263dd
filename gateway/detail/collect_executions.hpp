#pragma once
// Reads every execution matching a filter, page by page, from inside an asking actor.

#include <functional>
#include <vector>

#include <caf/fwd.hpp>

#include "actors/store/store_actor.hpp"
#include "gateway/responder.hpp"
#include "persistence/execution_record.hpp"

namespace auraos::gateway::detail {

/// Receives every matching execution, in creation order.
using executions_done = std::function<void(std::vector<persistence::execution_record>)>;

/// Pages through `filter`'s executions and calls `done` with all of them; a store failure
/// answers through `respond` instead.
void collect_executions(caf::event_based_actor* self, actors::store::store_actor store,
                        persistence::execution_filter filter, responder respond,
                        executions_done done);

}  // namespace auraos::gateway::detail
