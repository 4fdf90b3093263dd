#pragma once
// What both backends do to a publish before they store it.

#include <vector>

#include "persistence/clock.hpp"
#include "persistence/event_ops.hpp"
#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// The events of `op` as they are stored: an empty id gets a random UUID, a zero stored_at the
/// clock's time, a zero timestamp the stored_at. An event without type or source rejects the
/// publish (invalid, naming "publish events: event [i]").
store_result<std::vector<event_record>> events_to_store(const publish_events_op& op,
                                                        const clock_fn& clock);

}  // namespace auraos::persistence
