#pragma once
// The injected source of "now" for stored timestamps (the node's env gives it at assembly).

#include <cstdint>
#include <functional>

namespace auraos::persistence {

/// Returns the current time in milliseconds since the epoch (UTC).
using clock_fn = std::function<std::int64_t()>;

}  // namespace auraos::persistence
