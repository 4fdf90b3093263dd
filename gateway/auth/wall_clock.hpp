#pragma once
// The wall clock of the security routes: token issue and expiry times, audit times.

#include <chrono>
#include <cstdint>

namespace auraos::gateway::auth {

/// Milliseconds since the Unix epoch, now.
inline std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace auraos::gateway::auth
