// Opening the SQLite store and group commit.
#include "persistence/sqlite/sqlite_store.hpp"

#include "persistence/sqlite/migrations.hpp"
#include "persistence/sqlite/transaction.hpp"
#include "persistence/sqlite/writer.hpp"

namespace auraos::persistence::sqlite {

store_result<std::unique_ptr<sqlite_store>> sqlite_store::open(sqlite_options options) {
  if (!options.clock) return store_fail(store_errc::invalid, "no clock given");
  auto db = database::open(options.path);
  if (!db) return fail(std::move(db).error());
  if (auto migrated = migrate(*db, options.clock()); !migrated) {
    auto error = std::move(migrated).error();
    error.message = "'" + options.path + "': " + error.message;
    return fail(std::move(error));
  }
  auto queries = query_cache::prepare_all(db->handle());
  if (!queries) return fail(std::move(queries).error());
  return std::unique_ptr<sqlite_store>{new sqlite_store{
      std::move(db).value(), std::move(queries).value(), std::move(options.clock)}};
}

write_outcome sqlite_store::apply_request(const write_request& request) {
  auto point = savepoint::open(db_, "write_request");
  if (!point) return fail(std::move(point).error());
  writer write{queries_, clock_};
  std::vector<op_result> results;
  for (const auto& op : request.ops) {
    auto applied = write.apply(op);
    if (!applied) return fail(std::move(applied).error());
    results.push_back(std::move(applied).value());
  }
  if (auto released = point->release(); !released) return fail(std::move(released).error());
  return results;
}

store_result<std::vector<write_outcome>> sqlite_store::commit(const write_batch& batch) {
  auto tx = transaction::begin(db_);
  if (!tx) return fail(std::move(tx).error());
  std::vector<write_outcome> outcomes;
  outcomes.reserve(batch.requests.size());
  for (const auto& request : batch.requests) {
    outcomes.push_back(apply_request(request));
    if (db_.autocommit())
      return store_fail(store_errc::unavailable,
                        "commit batch: SQLite rolled the transaction back (" +
                            outcomes.back().error().message + ")");
  }
  if (auto committed = tx->commit(); !committed) return fail(std::move(committed).error());
  return outcomes;
}

}  // namespace auraos::persistence::sqlite
