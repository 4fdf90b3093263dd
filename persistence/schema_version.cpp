#include "persistence/schema_version.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace auraos::persistence {

std::int64_t migration_version(std::string_view name) {
  std::int64_t version = 0;
  std::from_chars(name.data(), name.data() + name.size(), version);
  return version;
}

std::int64_t newest_version(std::span<const embedded_sql> migrations) {
  std::int64_t newest = 0;
  for (const auto& migration : migrations)
    newest = std::max(newest, migration_version(migration.name));
  return newest;
}

store_status check_schema_not_newer(std::int64_t current, std::int64_t known) {
  if (current <= known) return std::monostate{};
  return store_fail(store_errc::invalid, "open database: its schema version " +
                                             std::to_string(current) +
                                             " is newer than this binary knows (" +
                                             std::to_string(known) + "); upgrade auraos");
}

}  // namespace auraos::persistence
