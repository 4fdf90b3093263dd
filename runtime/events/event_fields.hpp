#pragma once
// The rules of an event's text fields (spec events.md, "The event"): names (`type`, `source`)
// and ids (`id`, `correlationId`, `causationId`).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace auraos::runtime::events {

/// The longest `type` or `source`, in characters.
inline constexpr std::size_t max_name_length = 100;
/// The longest `id`, `correlationId` or `causationId`, in bytes.
inline constexpr std::size_t max_id_length = 100;

/// Why `text` is no valid `type` or `source` (1 to 100 of `[A-Za-z0-9._:/-]`), or nullopt.
std::optional<std::string> name_problem(std::string_view text);

/// Why `text` is no valid event id (1 to 100 bytes, no control characters), or nullopt.
std::optional<std::string> id_problem(std::string_view text);

}  // namespace auraos::runtime::events
