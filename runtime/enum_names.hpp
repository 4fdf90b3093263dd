#pragma once
// Spelling tables for enums: one table of (value, name) pairs serves both directions.

#include <optional>
#include <string_view>

namespace auraos {

/// The name of `key` in `table`, or "unknown".
template <class Table, class Key>
constexpr std::string_view name_of(const Table& table, Key key) {
  for (const auto& [k, name] : table)
    if (k == key) return name;
  return "unknown";
}

/// The value named `text` in `table`, if any.
template <class Key, class Table>
constexpr std::optional<Key> key_of(const Table& table, std::string_view text) {
  for (const auto& [k, name] : table)
    if (name == text) return k;
  return std::nullopt;
}

}  // namespace auraos
