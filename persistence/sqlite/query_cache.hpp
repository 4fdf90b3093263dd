#pragma once
// The named queries of persistence/queries/sqlite, prepared once per connection.

#include <map>
#include <string>
#include <string_view>

#include "persistence/sqlite/statement.hpp"

namespace auraos::persistence::sqlite {

/// Prepared statements by query name (the .sql file's name without extension; a template gives
/// one per variant, e.g. execution_list_newest_workflow_status: query_templates.hpp).
class query_cache {
 public:
  /// Prepares every embedded query on `db`.
  static store_result<query_cache> prepare_all(sqlite3* db);

  /// The named statement, reset and ready to bind; the name must exist.
  statement& operator[](std::string_view name);

 private:
  std::map<std::string, statement, std::less<>> statements_;
};

}  // namespace auraos::persistence::sqlite
