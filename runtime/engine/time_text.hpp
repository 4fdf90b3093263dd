#pragma once
// RFC 3339 timestamps <-> milliseconds since the epoch.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace auraos::runtime::engine {

/// Parses an RFC 3339 timestamp (runtime/rfc3339.hpp) to ms since the epoch; nullopt if malformed.
std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text);

/// Formats ms since the epoch as RFC 3339 in UTC with milliseconds ("2030-01-01T00:00:00.000Z").
std::string format_rfc3339_ms(std::int64_t ms);

/// Formats ms since the epoch as RFC 3339 in UTC in whole seconds ("2030-01-01T00:00:00Z"); a
/// fraction of a second is dropped.
std::string format_rfc3339_seconds(std::int64_t ms);

/// A duration in seconds as people write it: "2 s", "0.5 s".
std::string seconds_text(double seconds);

}  // namespace auraos::runtime::engine
