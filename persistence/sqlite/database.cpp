#include "persistence/sqlite/database.hpp"

#include <sqlite3.h>

#include "persistence/shards.hpp"

namespace auraos::persistence::sqlite {

namespace {

constexpr int busy_timeout_ms = 5000;

store_errc code_of(int extended_rc) {
  switch (extended_rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return store_errc::conflict;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return store_errc::not_found;
    default:
      break;
  }
  switch (extended_rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return store_errc::unavailable;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return store_errc::invalid;
    default:
      return store_errc::internal;
  }
}

/// auraos_shard_of(id, shards): persistence::shard_of in SQL (migration 0003 back-fills with it).
void shard_of_function(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* id = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
  auto shards = sqlite3_value_int64(args[1]);
  if (!id || shards < 1) return sqlite3_result_null(context);
  sqlite3_result_int64(context, shard_of(std::string_view{id, size}, shards));
}

}  // namespace

store_error sqlite_error(sqlite3* db, int rc, std::string_view place) {
  int extended = db ? sqlite3_extended_errcode(db) : rc;
  const char* text = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if ((extended & 0xff) != (rc & 0xff)) {
    extended = rc;
    text = sqlite3_errstr(rc);
  }
  return {code_of(extended), std::string{place} + ": " + text};
}

void database::closer::operator()(sqlite3* db) const noexcept {
  sqlite3_close_v2(db);
}

store_result<database> database::open(const std::string& path) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  database db{raw};
  if (rc != SQLITE_OK) return fail(sqlite_error(raw, rc, "open database '" + path + "'"));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  rc = sqlite3_create_function_v2(raw, "auraos_shard_of", 2,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                  shard_of_function, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return fail(sqlite_error(raw, rc, "register auraos_shard_of"));
  auto pragmas =
      db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
              "set pragmas on '" + path + "'");
  if (!pragmas) return fail(std::move(pragmas).error());
  return db;
}

store_status database::exec(std::string_view sql, std::string_view place) {
  std::string text{sql};
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return std::monostate{};
  auto error = sqlite_error(db_.get(), rc, place);
  if (message) error.message = std::string{place} + ": " + message;
  sqlite3_free(message);
  return fail(std::move(error));
}

store_status database::probe_writable(int busy_ms) {
  if (!autocommit()) return exec("SELECT 1", "ping");
  sqlite3_busy_timeout(db_.get(), busy_ms);
  auto began = exec("BEGIN IMMEDIATE", "ping (take the write lock)");
  sqlite3_busy_timeout(db_.get(), busy_timeout_ms);
  if (!began) return began;
  return exec("ROLLBACK", "ping (release the write lock)");
}

bool database::autocommit() const noexcept {
  return sqlite3_get_autocommit(db_.get()) != 0;
}

}  // namespace auraos::persistence::sqlite
