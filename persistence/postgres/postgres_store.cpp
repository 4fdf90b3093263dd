// Opening the PostgreSQL store and group commit.
#include "persistence/postgres/postgres_store.hpp"

#include "persistence/postgres/connection_pool.hpp"
#include "persistence/postgres/migrations.hpp"
#include "persistence/postgres/pipeline.hpp"
#include "persistence/shards.hpp"

namespace auraos::persistence::postgres {

postgres_store::postgres_store(std::unique_ptr<connection_pool> pool, clock_fn clock)
    : pool_(std::move(pool)), clock_(std::move(clock)), shards_(default_shard_count) {}

postgres_store::~postgres_store() = default;

store_result<std::unique_ptr<postgres_store>> postgres_store::open(postgres_options options) {
  if (!options.clock) return store_fail(store_errc::invalid, "no clock given");
  std::optional<std::int64_t> stored;
  {
    auto conn = connection::open(options.url);
    if (!conn) return fail(std::move(conn).error());
    if (auto migrated = migrate(**conn, options.clock()); !migrated)
      return fail(std::move(migrated).error());
    auto meta = (*conn)->exec("SELECT shards FROM cluster_meta WHERE id = 1", "read shard count");
    if (!meta) return fail(std::move(meta).error());
    if (meta->rows() > 0) stored = meta->integer(0, 0);
  }
  auto pool = std::make_unique<connection_pool>(options.url, options.pool_size);
  if (auto first = pool->acquire(); !first) return fail(std::move(first).error());
  std::unique_ptr<postgres_store> store{
      new postgres_store{std::move(pool), std::move(options.clock)}};
  if (stored) store->shards_ = *stored;
  return store;
}

store_result<std::int64_t> postgres_store::ensure_shard_count(
    std::optional<std::int64_t> requested) {
  if (requested && *requested < 1)
    return store_fail(store_errc::invalid,
                      "shard count: " + std::to_string(*requested) + " is not positive");
  auto conn = pool_->acquire();
  if (!conn) return fail(std::move(conn).error());
  params values;
  values.add(requested);
  auto rows = (*conn)->run("cluster_ensure_shards", values, "shard count");
  if (!rows) return fail(std::move(rows).error());
  shards_ = rows->integer(0, 0);
  return shards_.load();
}

store_result<std::vector<write_outcome>> postgres_store::commit(const write_batch& batch) {
  std::vector<planned_request> planned;
  planned.reserve(batch.requests.size());
  for (const auto& request : batch.requests) planned.push_back(plan(request, clock_, shards_));
  auto conn = pool_->acquire();
  if (!conn) return fail(std::move(conn).error());
  auto outcomes = run_pipeline(**conn, planned);
  if (!outcomes) (*conn)->discard();
  return outcomes;
}

}  // namespace auraos::persistence::postgres
