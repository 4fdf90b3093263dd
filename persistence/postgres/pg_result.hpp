#pragma once
// RAII ownership of a libpq result, typed column access, and the mapping of errors.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "persistence/store_error.hpp"

namespace auraos::persistence::postgres {

/// Maps a failed result (or a broken connection when `result` is null) to a store error
/// whose message starts with `place`.
store_error pg_error(PGconn* conn, const PGresult* result, std::string_view place);

/// Owns a PGresult; columns are read in libpq's text format.
class pg_result {
 public:
  pg_result() = default;
  /// Takes ownership of `result` (may be null).
  explicit pg_result(PGresult* result) : result_(result) {}

  /// The raw handle, owned by this object.
  PGresult* get() const noexcept { return result_.get(); }
  /// The status, or PGRES_FATAL_ERROR for a null result.
  ExecStatusType status() const noexcept;
  /// True for PGRES_COMMAND_OK and PGRES_TUPLES_OK.
  bool ok() const noexcept;
  /// The number of rows.
  int rows() const noexcept { return result_ ? PQntuples(result_.get()) : 0; }

  /// A text column.
  std::string text(int row, int column) const;
  /// A text column that may be NULL.
  std::optional<std::string> optional_text(int row, int column) const;
  /// An integer column.
  std::int64_t integer(int row, int column) const;
  /// An integer column that may be NULL.
  std::optional<std::int64_t> optional_integer(int row, int column) const;
  /// A boolean column.
  bool boolean(int row, int column) const;
  /// A BYTEA column (hex text format) as raw bytes.
  std::string bytes(int row, int column) const;

 private:
  struct clearer {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
  };
  std::unique_ptr<PGresult, clearer> result_;
};

}  // namespace auraos::persistence::postgres
