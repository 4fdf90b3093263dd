#pragma once
// Versioned schema migrations, embedded in the binary and recorded in schema_migrations.

#include <cstdint>

#include "persistence/sqlite/database.hpp"

namespace auraos::persistence::sqlite {

/// The newest schema version this binary knows (the highest migration number).
std::int64_t known_schema_version();

/// The schema version recorded in the database (0 for a new file).
store_result<std::int64_t> schema_version(database& db);

/// Applies every missing migration in order; refuses a schema newer than the binary knows.
/// `target_version` >= 0 stops after that version (tests build a database of an old release).
store_status migrate(database& db, std::int64_t now_ms, std::int64_t target_version = -1);

}  // namespace auraos::persistence::sqlite
