#include "persistence/postgres/migrations.hpp"

#include <string>

#include "persistence/embedded_sql.hpp"
#include "persistence/postgres/transaction.hpp"
#include "persistence/schema_version.hpp"

namespace auraos::persistence::postgres {

namespace {

/// The advisory lock key of migrations ("AuraOS" in ASCII).
constexpr std::string_view lock_key = "71972685958995";

constexpr std::string_view create_table =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
    "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)";

/// Holds the session-level migration lock; released on destruction (or when the session ends).
class migration_lock {
 public:
  explicit migration_lock(connection& conn) : conn_(conn) {}
  migration_lock(const migration_lock&) = delete;
  migration_lock& operator=(const migration_lock&) = delete;
  ~migration_lock() {
    if (!conn_.broken())
      conn_.exec("SELECT pg_advisory_unlock(" + std::string{lock_key} + ")", "unlock migrations");
  }

 private:
  connection& conn_;
};

store_result<std::int64_t> schema_version(connection& conn) {
  if (auto made = conn.exec(create_table, "create schema_migrations"); !made)
    return fail(std::move(made).error());
  auto read =
      conn.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", "read schema version");
  if (!read) return fail(std::move(read).error());
  return read->integer(0, 0);
}

store_status apply(connection& conn, const embedded_sql& migration, std::int64_t now_ms) {
  auto tx = transaction::begin(conn);
  if (!tx) return fail(std::move(tx).error());
  auto place = "apply migration " + std::string{migration.name};
  if (auto done = conn.exec(migration.text, place); !done) return fail(std::move(done).error());
  auto record = "INSERT INTO schema_migrations VALUES (" +
                std::to_string(migration_version(migration.name)) + ", '" +
                std::string{migration.name} + "', auraos_ts(" + std::to_string(now_ms) + "))";
  if (auto done = conn.exec(record, "record migration"); !done)
    return fail(std::move(done).error());
  return tx->commit();
}

}  // namespace

std::int64_t known_schema_version() {
  return newest_version(postgres_migrations());
}

store_status migrate(connection& conn, std::int64_t now_ms, std::int64_t target_version) {
  auto locked = conn.exec("SELECT pg_advisory_lock(" + std::string{lock_key} + ")",
                          "take the migration lock");
  if (!locked) return fail(std::move(locked).error());
  migration_lock lock{conn};
  auto current = schema_version(conn);
  if (!current) return fail(std::move(current).error());
  if (auto newer = check_schema_not_newer(*current, known_schema_version()); !newer) return newer;
  for (const auto& migration : postgres_migrations()) {
    auto version = migration_version(migration.name);
    if (version <= *current) continue;
    if (target_version >= 0 && version > target_version) break;
    if (auto done = apply(conn, migration, now_ms); !done) return done;
  }
  return std::monostate{};
}

}  // namespace auraos::persistence::postgres
