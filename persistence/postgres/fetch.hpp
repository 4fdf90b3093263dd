#pragma once
// Runs a named read query on a pooled connection and collects its rows into records.

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "persistence/postgres/connection_pool.hpp"

namespace auraos::persistence::postgres {

/// Runs a named query on a pooled connection and converts every row with `read`.
template <class T, class Reader>
store_result<std::vector<T>> fetch_all(connection_pool& pool, std::string_view query,
                                       const params& values, std::string_view place, Reader read) {
  auto conn = pool.acquire();
  if (!conn) return fail(std::move(conn).error());
  auto rows = (*conn)->run(query, values, place);
  if (!rows) return fail(std::move(rows).error());
  std::vector<T> out;
  out.reserve(static_cast<std::size_t>(rows->rows()));
  for (int row = 0; row < rows->rows(); ++row) {
    if constexpr (std::is_same_v<decltype(read(*rows, row)), T>) {
      out.push_back(read(*rows, row));
    } else {
      auto converted = read(*rows, row);
      if (!converted) return fail(std::move(converted).error());
      out.push_back(std::move(converted).value());
    }
  }
  return out;
}

/// The first row, if any.
template <class T>
store_result<std::optional<T>> first(store_result<std::vector<T>> rows) {
  if (!rows) return fail(std::move(rows).error());
  if (rows->empty()) return std::optional<T>{};
  return std::optional<T>{std::move(rows->front())};
}

/// The first row, or not_found with `message` when there is none.
template <class T>
store_result<T> found_or(store_result<std::vector<T>> rows, std::string message) {
  if (!rows) return fail(std::move(rows).error());
  if (rows->empty()) return store_fail(store_errc::not_found, std::move(message));
  return std::move(rows->front());
}

}  // namespace auraos::persistence::postgres
