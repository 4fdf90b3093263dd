#pragma once
// RAII ownership of a sqlite3 connection.

#include <memory>
#include <string>
#include <string_view>

#include "persistence/store_error.hpp"

struct sqlite3;

namespace auraos::persistence::sqlite {

/// Maps a SQLite result code to a store error whose message names `place`.
store_error sqlite_error(sqlite3* db, int rc, std::string_view place);

/// An open SQLite connection in WAL mode with synchronous=FULL and foreign keys on.
class database {
 public:
  /// Opens (creating if needed) the database file at `path` and sets its pragmas.
  static store_result<database> open(const std::string& path);

  /// The raw handle, owned by this object.
  sqlite3* handle() const noexcept { return db_.get(); }

  /// Runs one or more SQL statements that return no rows.
  store_status exec(std::string_view sql, std::string_view place);

  /// Takes and drops the write lock (`BEGIN IMMEDIATE; ROLLBACK`), waiting at most `busy_ms`
  /// for another connection's lock: a locked database answers unavailable. Reads nothing.
  store_status probe_writable(int busy_ms);

  /// True outside a transaction (SQLite's autocommit mode).
  bool autocommit() const noexcept;

 private:
  struct closer {
    void operator()(sqlite3* db) const noexcept;
  };
  explicit database(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, closer> db_;
};

}  // namespace auraos::persistence::sqlite
