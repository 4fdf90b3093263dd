#pragma once
// The injected source of "now" for stored timestamps.

#include <chrono>
#include <cstdint>
#include <functional>

namespace auraos::persistence {

/// Returns the current time in milliseconds since the epoch (UTC).
using clock_fn = std::function<std::int64_t()>;

/// The wall clock, as milliseconds since the epoch.
inline std::int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace auraos::persistence
