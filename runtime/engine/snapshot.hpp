#pragma once
// Execution state <-> ExecutionSnapshot, for snapshot + tail recovery.

#include <string>

#include "messages/history.pb.h"
#include "runtime/engine/state.hpp"
#include "runtime/result.hpp"

namespace auraos::runtime::engine {

/// The state as a snapshot message (its `seq` is the number of records folded).
v1::ExecutionSnapshot to_snapshot(const execution_state& state);

/// The state a snapshot holds; an error names the first malformed field.
result<execution_state, std::string> from_snapshot(const v1::ExecutionSnapshot& snapshot);

}  // namespace auraos::runtime::engine
