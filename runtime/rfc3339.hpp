#pragma once
// RFC 3339 timestamps ("2024-05-01T12:00:00Z", "2024-05-01T14:00:00.250+02:00").

#include <chrono>
#include <optional>
#include <string_view>

namespace auraos::runtime {

/// A point in time with microsecond precision.
using timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

/// Parses an RFC 3339 date-time (offset "Z" or "+hh:mm"); nullopt when malformed.
std::optional<timestamp> parse_rfc3339(std::string_view text);

}  // namespace auraos::runtime
