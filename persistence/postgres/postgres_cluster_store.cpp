#include "persistence/postgres/postgres_cluster_store.hpp"

#include <utility>

#include "persistence/postgres/connection_pool.hpp"

namespace auraos::persistence::postgres {

namespace {

/// A lease row: shard, owner, incarnation, epoch, expires in (ms), expires at (ms).
cluster_lease read_cluster_lease(const pg_result& rows, int row) {
  return {rows.integer(row, 0),          rows.text(row, 1),
          rows.integer(row, 2),          rows.integer(row, 3),
          rows.optional_integer(row, 4), rows.optional_integer(row, 5)};
}

/// A member row in the column order of cluster_nodes.sql.
cluster_node read_cluster_node(const pg_result& rows, int row) {
  return {rows.text(row, 0),    rows.integer(row, 1), rows.text(row, 2),   rows.text(row, 3),
          rows.integer(row, 4), rows.integer(row, 5), rows.boolean(row, 6)};
}

}  // namespace

postgres_cluster_store::postgres_cluster_store(std::unique_ptr<connection_pool> connection)
    : connection_(std::move(connection)) {}

postgres_cluster_store::~postgres_cluster_store() = default;

store_result<std::unique_ptr<postgres_cluster_store>> postgres_cluster_store::open(
    const std::string& url) {
  auto pool = std::make_unique<connection_pool>(url, 1);
  if (auto first = pool->acquire(); !first) return fail(std::move(first).error());
  return std::unique_ptr<postgres_cluster_store>{new postgres_cluster_store{std::move(pool)}};
}

namespace {

/// Runs a named query on the store's connection.
store_result<pg_result> run(connection_pool& pool, std::string_view query, const params& values,
                            const std::string& place) {
  auto conn = pool.acquire();
  if (!conn) return fail(std::move(conn).error());
  return (*conn)->run(query, values, place);
}

/// The lease rows of a result.
store_result<std::vector<cluster_lease>> lease_rows(store_result<pg_result> rows) {
  if (!rows) return fail(std::move(rows).error());
  std::vector<cluster_lease> out;
  for (int row = 0; row < rows->rows(); ++row) out.push_back(read_cluster_lease(*rows, row));
  return out;
}

/// No value: the query's rows, if any, are not needed.
store_status nothing(store_result<pg_result> rows) {
  if (!rows) return fail(std::move(rows).error());
  return std::monostate{};
}

}  // namespace

store_result<cluster_membership> postgres_cluster_store::join(const std::string& node_name,
                                                              const std::string& cluster_address,
                                                              const std::string& http_address,
                                                              std::optional<std::int64_t> shards) {
  auto place = "join the cluster as '" + node_name + "'";
  if (node_name.empty()) return store_fail(store_errc::invalid, place + ": empty node name");
  if (shards && *shards < 1)
    return store_fail(store_errc::invalid,
                      place + ": shard count " + std::to_string(*shards) + " is not positive");
  params values;
  values.add(node_name).add(cluster_address).add(http_address).add(shards);
  auto rows = run(*connection_, "cluster_join", values, place);
  if (!rows) return fail(std::move(rows).error());
  return cluster_membership{rows->integer(0, 0), rows->integer(0, 1)};
}

store_result<std::vector<cluster_lease>> postgres_cluster_store::heartbeat(
    const std::string& node_name, std::int64_t incarnation, std::int64_t lease_ms) {
  params values;
  values.add(node_name).add(incarnation).add(lease_ms);
  return lease_rows(
      run(*connection_, "cluster_heartbeat", values, "heartbeat of '" + node_name + "'"));
}

store_result<std::optional<cluster_lease>> postgres_cluster_store::acquire(
    std::int64_t shard, const std::string& node_name, std::int64_t incarnation,
    std::int64_t lease_ms) {
  params values;
  values.add(shard).add(node_name).add(incarnation).add(lease_ms);
  auto rows =
      lease_rows(run(*connection_, "cluster_acquire", values,
                     "acquire shard " + std::to_string(shard) + " for '" + node_name + "'"));
  if (!rows) return fail(std::move(rows).error());
  if (rows->empty()) return std::optional<cluster_lease>{};
  return std::optional<cluster_lease>{std::move(rows->front())};
}

store_status postgres_cluster_store::release(std::int64_t shard, const std::string& node_name,
                                             std::int64_t epoch) {
  params values;
  values.add(shard).add(node_name).add(epoch);
  return nothing(run(*connection_, "cluster_release", values,
                     "release shard " + std::to_string(shard) + " of '" + node_name + "'"));
}

store_status postgres_cluster_store::leave(const std::string& node_name, std::int64_t incarnation) {
  params values;
  values.add(node_name).add(incarnation);
  return nothing(
      run(*connection_, "cluster_leave", values, "leave the cluster as '" + node_name + "'"));
}

store_result<std::vector<cluster_node>> postgres_cluster_store::nodes() {
  auto rows = run(*connection_, "cluster_nodes", params{}, "list cluster nodes");
  if (!rows) return fail(std::move(rows).error());
  std::vector<cluster_node> out;
  for (int row = 0; row < rows->rows(); ++row) out.push_back(read_cluster_node(*rows, row));
  return out;
}

store_result<std::vector<cluster_lease>> postgres_cluster_store::leases() {
  return lease_rows(run(*connection_, "cluster_leases", params{}, "list shard leases"));
}

}  // namespace auraos::persistence::postgres
