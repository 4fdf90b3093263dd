#include "persistence/sqlite/query_cache.hpp"

#include <string>
#include <utility>
#include <vector>

#include "persistence/embedded_sql.hpp"

namespace auraos::persistence::sqlite {
namespace {

/// Where an execution list template (execution_list*.sql) takes its filters' equalities.
constexpr std::string_view filters_mark = "/*filters*/";

/// One filter combination of an execution list: the name's suffix and the equalities.
struct filter_variant {
  std::string_view suffix;
  std::string_view equalities;
};

/// Each combination gets its own statement, so that each is a range scan of the index that
/// fits it (workflow and status: the status index, as SQLite chooses).
constexpr filter_variant filter_variants[] = {
    {"", ""},
    {"_workflow", "workflow_id = ?1 AND "},
    {"_status", "status = ?2 AND "},
    {"_workflow_status", "workflow_id = ?1 AND status = ?2 AND "},
};

/// The statements (name, text) of one query file: itself, or a template's one per combination.
std::vector<std::pair<std::string, std::string>> statements_of(const embedded_sql& query) {
  auto mark = query.text.find(filters_mark);
  if (mark == std::string_view::npos) return {{std::string{query.name}, std::string{query.text}}};
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& variant : filter_variants) {
    std::string text{query.text};
    text.replace(mark, filters_mark.size(), variant.equalities);
    out.emplace_back(std::string{query.name} + std::string{variant.suffix}, std::move(text));
  }
  return out;
}

}  // namespace

store_result<query_cache> query_cache::prepare_all(sqlite3* db) {
  query_cache cache;
  for (const auto& query : sqlite_queries()) {
    for (auto& [name, text] : statements_of(query)) {
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
