#pragma once
// The naming rule of event types and sources (spec events.md, "The event").

#include <optional>
#include <string>
#include <string_view>

namespace auraos::runtime::events {

/// The longest type or source, in characters.
inline constexpr std::size_t max_name_length = 100;

/// Why `name` is not a valid event type or source (non-empty, at most 100 characters of
/// `[A-Za-z0-9._:/-]`), or nothing when it is.
std::optional<std::string> name_problem(std::string_view name);

}  // namespace auraos::runtime::events
