#pragma once
// RAII ownership of a prepared SQLite statement, with typed binding and column access.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "persistence/store_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace auraos::persistence::sqlite {

/// A prepared statement; parameters are 1-based, columns 0-based.
class statement {
 public:
  /// Compiles `sql`; `name` names the query in error messages.
  static store_result<statement> prepare(sqlite3* db, std::string_view sql, std::string name);

  /// Clears the previous run and its bindings.
  void reset() noexcept;
  /// Binds an integer.
  statement& bind(int index, std::int64_t value);
  /// Binds text.
  statement& bind(int index, std::string_view value);
  /// Binds text.
  statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view{value});
  }
  /// Binds bytes as a BLOB.
  statement& bind_blob(int index, std::string_view bytes);
  /// Binds text, or NULL when absent.
  statement& bind(int index, const std::optional<std::string>& value);
  /// Binds an integer, or NULL when absent.
  statement& bind(int index, std::optional<std::int64_t> value);

  /// Runs to completion, ignoring rows.
  store_status run();
  /// Runs to completion, calling `on_row` for every row.
  store_status for_each_row(const std::function<void(const statement&)>& on_row);
  /// Rows changed by the last run.
  std::int64_t changes() const noexcept;

  /// An integer column.
  std::int64_t integer(int column) const;
  /// A text column ("" for NULL).
  std::string text(int column) const;
  /// A BLOB column as bytes.
  std::string blob(int column) const;
  /// True when the column is NULL.
  bool is_null(int column) const;
  /// A text column, absent when NULL.
  std::optional<std::string> optional_text(int column) const;
  /// An integer column, absent when NULL.
  std::optional<std::int64_t> optional_integer(int column) const;

 private:
  struct finalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept;
  };
  statement(sqlite3_stmt* stmt, std::string name) : stmt_(stmt), name_(std::move(name)) {}
  void check_bind(int rc) noexcept;

  std::unique_ptr<sqlite3_stmt, finalizer> stmt_;
  std::string name_;
  int bind_rc_ = 0;
};

}  // namespace auraos::persistence::sqlite
