#include "persistence/sqlite/query_cache.hpp"

#include <string>
#include <utility>
#include <vector>

#include "persistence/embedded_sql.hpp"
#include "persistence/query_templates.hpp"

namespace auraos::persistence::sqlite {

store_result<query_cache> query_cache::prepare_all(sqlite3* db) {
  query_cache cache;
  for (const auto& query : sqlite_queries()) {
    for (auto& [name, text] : query_statements(query, '?')) {
      auto prepared = statement::prepare(db, text, name);
      if (!prepared) return fail(std::move(prepared).error());
      cache.statements_.emplace(std::move(name), std::move(prepared).value());
    }
  }
  return cache;
}

statement& query_cache::operator[](std::string_view name) {
  auto& found = statements_.find(name)->second;
  found.reset();
  return found;
}

}  // namespace auraos::persistence::sqlite
