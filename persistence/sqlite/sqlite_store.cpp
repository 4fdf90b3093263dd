// Opening the SQLite store and group commit.
#include "persistence/sqlite/sqlite_store.hpp"

#include "persistence/shards.hpp"
#include "persistence/sqlite/fetch.hpp"
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
  std::unique_ptr<sqlite_store> store{
      new sqlite_store{std::move(db).value(), std::move(queries).value(), std::move(options.clock),
                       default_shard_count}};
  auto stored = store->stored_shard_count();
  if (!stored) return fail(std::move(stored).error());
  if (*stored) store->shards_ = **stored;
  return store;
}

store_result<std::optional<std::int64_t>> sqlite_store::stored_shard_count() {
  return fetch_integer(queries_["cluster_shards_get"]);
}

store_result<std::int64_t> sqlite_store::ensure_shard_count(std::optional<std::int64_t> requested) {
  if (requested && *requested < 1)
    return store_fail(store_errc::invalid,
                      "shard count: " + std::to_string(*requested) + " is not positive");
  auto& insert = queries_["cluster_shards_insert"];
  insert.bind(1, requested.value_or(default_shard_count));
  if (auto done = insert.run(); !done) return fail(std::move(done).error());
  auto stored = stored_shard_count();
  if (!stored) return fail(std::move(stored).error());
  auto count = stored->value_or(default_shard_count);
  if (requested && *requested != count)
    return store_fail(store_errc::conflict, "shard count: the cluster has " +
                                                std::to_string(count) + " shards, " +
                                                std::to_string(*requested) + " were asked for");
  shards_ = count;
  return count;
}

write_outcome sqlite_store::apply_request(const write_request& request) {
  auto point = savepoint::open(db_, "write_request");
  if (!point) return fail(std::move(point).error());
  writer write{queries_, clock_, shards_};
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
