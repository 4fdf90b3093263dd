// Opening the PostgreSQL store and group commit.
#include "persistence/postgres/postgres_store.hpp"

#include "persistence/postgres/connection_pool.hpp"
#include "persistence/postgres/migrations.hpp"
#include "persistence/postgres/pipeline.hpp"
#include "persistence/postgres/task_run_merge.hpp"
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
  const auto& requests = batch.requests;
  auto merged = merge_task_run_writes(requests, clock_);
  // The merged call goes first (its runs are no other request's); then the rest in order.
  std::vector<planned_request> planned;
  std::vector<std::size_t> places;  // the batch place of each planned request after the first
  if (merged) planned.push_back(std::move(merged->planned));
  std::size_t next_member = 0;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (merged && next_member < merged->members.size() && merged->members[next_member] == i) {
      ++next_member;
      continue;
    }
    planned.push_back(plan(requests[i], clock_, shards_));
    places.push_back(i);
  }
  auto conn = pool_->acquire();
  if (!conn) return fail(std::move(conn).error());
  auto outcomes = run_pipeline(**conn, planned);
  if (!outcomes) {
    (*conn)->discard();
    return outcomes;
  }
  if (!merged) return outcomes;
  std::vector<std::optional<write_outcome>> done(requests.size());
  for (std::size_t k = 0; k < places.size(); ++k) done[places[k]] = std::move((*outcomes)[k + 1]);
  std::vector<write_outcome> members;
  if (outcomes->front()) {
    members = member_outcomes(*merged, requests);
  } else {
    // The call was rejected as a whole (a value the database refused): each member on its own.
    std::vector<planned_request> alone;
    for (auto index : merged->members) alone.push_back(plan(requests[index], clock_, shards_));
    auto again = run_pipeline(**conn, alone);
    if (again) {
      members = std::move(*again);
    } else {
      // The others committed already: only the members are answered with the failure.
      (*conn)->discard();
      members.assign(merged->members.size(), fail(again.error()));
    }
  }
  for (std::size_t m = 0; m < members.size(); ++m)
    done[merged->members[m]] = std::move(members[m]);
  std::vector<write_outcome> out;
  out.reserve(done.size());
  for (auto& outcome : done) out.push_back(std::move(*outcome));
  return out;
}

}  // namespace auraos::persistence::postgres
