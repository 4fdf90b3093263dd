#pragma once
// Schema versions shared by the backends' migrations.

#include <cstdint>
#include <span>
#include <string_view>

#include "persistence/embedded_sql.hpp"
#include "persistence/store_error.hpp"

namespace auraos::persistence {

/// The version of a migration named NNNN_name.
std::int64_t migration_version(std::string_view name);

/// The highest version among `migrations`.
std::int64_t newest_version(std::span<const embedded_sql> migrations);

/// Refuses a database whose recorded version is newer than the binary knows.
store_status check_schema_not_newer(std::int64_t current, std::int64_t known);

}  // namespace auraos::persistence
