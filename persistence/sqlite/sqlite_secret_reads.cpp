// The sealed secrets read of the SQLite store (key rotation).
#include "persistence/sqlite/fetch.hpp"
#include "persistence/sqlite/sqlite_store.hpp"

namespace auraos::persistence::sqlite {

store_result<std::vector<sealed_value>> sqlite_store::sealed_not_under(const std::string& key_id,
                                                                       std::int64_t limit) {
  auto& query = queries_["sealed_not_under"];
  query.bind(1, key_id).bind(2, limit);
  return fetch_all<sealed_value>(query, [](const statement& row) {
    auto owner = row.text(0) == "task" ? sealed_owner::task : sealed_owner::execution;
    return sealed_value{owner, row.text(1), row.text(2)};
  });
}

}  // namespace auraos::persistence::sqlite
