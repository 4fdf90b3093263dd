#pragma once
// The outcome of a write statement as an operation's result: the row it returned, whether it
// changed one, or how many it deleted.

#include <string>
#include <utility>

#include "persistence/sqlite/fetch.hpp"
#include "persistence/write_batch.hpp"

namespace auraos::persistence::sqlite {

/// Runs a write that returns its row (RETURNING) and converts the row with `read`; not_found
/// with `missing` when no row came back. A failure's message starts with `place`.
template <class T, class Reader>
store_result<op_result> returned_row(statement& query, Reader read, const std::string& place,
                                     const std::string& missing) {
  auto row = fetch_one<T>(query, read);
  if (!row) {
    auto error = std::move(row).error();
    error.message = place + ": " + error.message;
    return fail(std::move(error));
  }
  if (!*row) return store_fail(store_errc::not_found, missing);
  return op_result{std::move(**row)};
}

/// Runs a write; not_found with `missing` when it changed no row, else no value. A failure's
/// message starts with `place`.
inline store_result<op_result> changed_row(statement& query, const std::string& place,
                                           const std::string& missing) {
  if (auto done = query.run(); !done) {
    done.error().message = place + ": " + done.error().message;
    return fail(std::move(done).error());
  }
  if (query.changes() == 0) return store_fail(store_errc::not_found, missing);
  return op_result{};
}

/// Runs `query` on (?1 `id`, ?2 `now`): one token's row stamped now. not_found when no token
/// has the id; messages start with `operation` (e.g. "touch API token").
inline store_result<op_result> stamped_token(statement& query, const std::string& id,
                                             std::int64_t now, const std::string& operation) {
  query.bind(1, id).bind(2, now);
  return changed_row(query, operation + " '" + id + "'", operation + ": no token '" + id + "'");
}

/// Runs a delete whose ?1 is `bound`; the number of rows it deleted.
inline store_result<op_result> pruned(statement& query, std::int64_t bound) {
  query.bind(1, bound);
  if (auto done = query.run(); !done) return fail(std::move(done).error());
  return op_result{pruned_rows{query.changes()}};
}

}  // namespace auraos::persistence::sqlite
