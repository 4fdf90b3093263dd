#pragma once
// Versioned schema migrations for PostgreSQL, applied under an advisory lock.

#include <cstdint>

#include "persistence/postgres/connection.hpp"

namespace auraos::persistence::postgres {

/// The newest schema version this binary knows (the highest migration number).
std::int64_t known_schema_version();

/// Applies every missing migration in order while holding the migration advisory lock, so
/// nodes starting together do not race; refuses a schema newer than the binary knows.
/// `target_version` >= 0 stops after that version (tests build a database of an old release).
store_status migrate(connection& conn, std::int64_t now_ms, std::int64_t target_version = -1);

}  // namespace auraos::persistence::postgres
