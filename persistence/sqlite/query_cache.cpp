#include "persistence/sqlite/query_cache.hpp"

#include "persistence/embedded_sql.hpp"

namespace auraos::persistence::sqlite {

store_result<query_cache> query_cache::prepare_all(sqlite3* db) {
  query_cache cache;
  for (const auto& query : sqlite_queries()) {
    auto prepared = statement::prepare(db, query.text, std::string{query.name});
    if (!prepared) return fail(std::move(prepared).error());
    cache.statements_.emplace(std::string{query.name}, std::move(prepared).value());
  }
  return cache;
}

statement& query_cache::operator[](std::string_view name) {
  auto& found = statements_.find(name)->second;
  found.reset();
  return found;
}

}  // namespace auraos::persistence::sqlite
