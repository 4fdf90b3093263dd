#include "persistence/sqlite/migrations.hpp"

#include <string>

#include "persistence/embedded_sql.hpp"
#include "persistence/schema_version.hpp"
#include "persistence/sqlite/statement.hpp"
#include "persistence/sqlite/transaction.hpp"

namespace auraos::persistence::sqlite {

namespace {

constexpr std::string_view create_table =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

store_status apply(database& db, const embedded_sql& migration, std::int64_t now_ms) {
  auto tx = transaction::begin(db);
  if (!tx) return fail(std::move(tx).error());
  auto place = "apply migration " + std::string{migration.name};
  if (auto done = db.exec(migration.text, place); !done) return done;
  auto record = statement::prepare(
      db.handle(), "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
      "record migration");
  if (!record) return fail(std::move(record).error());
  record->bind(1, migration_version(migration.name)).bind(2, migration.name).bind(3, now_ms);
  if (auto done = record->run(); !done) return done;
  return tx->commit();
}

}  // namespace

std::int64_t known_schema_version() {
  return newest_version(sqlite_migrations());
}

store_result<std::int64_t> schema_version(database& db) {
  if (auto made = db.exec(create_table, "create schema_migrations"); !made)
    return fail(std::move(made).error());
  auto query = statement::prepare(
      db.handle(), "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", "schema version");
  if (!query) return fail(std::move(query).error());
  std::int64_t version = 0;
  auto read = query->for_each_row([&](const statement& row) { version = row.integer(0); });
  if (!read) return fail(std::move(read).error());
  return version;
}

store_status migrate(database& db, std::int64_t now_ms, std::int64_t target_version) {
  auto current = schema_version(db);
  if (!current) return fail(std::move(current).error());
  if (auto newer = check_schema_not_newer(*current, known_schema_version()); !newer) return newer;
  for (const auto& migration : sqlite_migrations()) {
    auto version = migration_version(migration.name);
    if (version <= *current) continue;
    if (target_version >= 0 && version > target_version) break;
    if (auto done = apply(db, migration, now_ms); !done) return done;
  }
  return std::monostate{};
}

}  // namespace auraos::persistence::sqlite
