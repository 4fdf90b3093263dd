// Opening the PostgreSQL store and group commit.
#include "persistence/postgres/postgres_store.hpp"

#include "persistence/postgres/connection_pool.hpp"
#include "persistence/postgres/migrations.hpp"
#include "persistence/postgres/pipeline.hpp"

namespace auraos::persistence::postgres {

postgres_store::postgres_store(std::unique_ptr<connection_pool> pool, clock_fn clock)
    : pool_(std::move(pool)), clock_(std::move(clock)) {}

postgres_store::~postgres_store() = default;

store_result<std::unique_ptr<postgres_store>> postgres_store::open(postgres_options options) {
  if (!options.clock) return store_fail(store_errc::invalid, "no clock given");
  {
    auto conn = connection::open(options.url);
    if (!conn) return fail(std::move(conn).error());
    if (auto migrated = migrate(**conn, options.clock()); !migrated)
      return fail(std::move(migrated).error());
  }
  auto pool = std::make_unique<connection_pool>(options.url, options.pool_size);
  if (auto first = pool->acquire(); !first) return fail(std::move(first).error());
  return std::unique_ptr<postgres_store>{
      new postgres_store{std::move(pool), std::move(options.clock)}};
}

store_result<std::vector<write_outcome>> postgres_store::commit(const write_batch& batch) {
  std::vector<planned_request> planned;
  planned.reserve(batch.requests.size());
  for (const auto& request : batch.requests) planned.push_back(plan(request, clock_));
  auto conn = pool_->acquire();
  if (!conn) return fail(std::move(conn).error());
  auto outcomes = run_pipeline(**conn, planned);
  if (!outcomes) (*conn)->discard();
  return outcomes;
}

}  // namespace auraos::persistence::postgres
