// The sealed secrets read of the PostgreSQL store (key rotation).
#include "persistence/postgres/fetch.hpp"
#include "persistence/postgres/postgres_store.hpp"

namespace auraos::persistence::postgres {

store_result<std::vector<sealed_value>> postgres_store::sealed_not_under(const std::string& key_id,
                                                                         std::int64_t limit) {
  params values;
  values.add(key_id).add(limit);
  return fetch_all<sealed_value>(
      *pool_, "sealed_not_under", values, "sealed secrets", [](const pg_result& rows, int row) {
        auto owner = rows.text(row, 0) == "task" ? sealed_owner::task : sealed_owner::execution;
        return sealed_value{owner, rows.text(row, 1), rows.text(row, 2)};
      });
}

}  // namespace auraos::persistence::postgres
