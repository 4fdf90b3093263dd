#pragma once
// Collects the rows of a statement into records.

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "persistence/sqlite/statement.hpp"

namespace auraos::persistence::sqlite {

/// Runs `query` and converts every row with `read` (which returns T or store_result<T>).
template <class T, class Reader>
store_result<std::vector<T>> fetch_all(statement& query, Reader read) {
  std::vector<T> rows;
  std::optional<store_error> bad;
  auto ran = query.for_each_row([&](const statement& row) {
    if constexpr (std::is_same_v<decltype(read(row)), T>) {
      rows.push_back(read(row));
    } else if (auto converted = read(row)) {
      rows.push_back(std::move(converted).value());
    } else if (!bad) {
      bad = std::move(converted).error();
    }
  });
  if (!ran) return fail(std::move(ran).error());
  if (bad) return fail(std::move(*bad));
  return rows;
}

/// Runs `query` and converts its first row, if any.
template <class T, class Reader>
store_result<std::optional<T>> fetch_one(statement& query, Reader read) {
  auto rows = fetch_all<T>(query, read);
  if (!rows) return fail(std::move(rows).error());
  if (rows->empty()) return std::optional<T>{};
  return std::optional<T>{std::move(rows->front())};
}

/// The row found, or not_found with `message` when there is none.
template <class T>
store_result<T> found_or(store_result<std::optional<T>> row, std::string message) {
  if (!row) return fail(std::move(row).error());
  if (!*row) return store_fail(store_errc::not_found, std::move(message));
  return std::move(**row);
}

/// The integer of the first column of the first row (none without a row).
inline store_result<std::optional<std::int64_t>> fetch_integer(statement& query) {
  return fetch_one<std::int64_t>(query, [](const statement& row) { return row.integer(0); });
}

}  // namespace auraos::persistence::sqlite
