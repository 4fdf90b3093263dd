// The store conformance cases, run on the PostgreSQL backend against a throwaway server
// (one per test process, a fresh database per case).
#include "tests/support/store_conformance.hpp"

#include <libpq-fe.h>

#include <atomic>

#include "persistence/postgres/connection.hpp"
#include "persistence/postgres/migrations.hpp"
#include "persistence/postgres/postgres_store.hpp"
#include "tests/support/pg_server.hpp"

namespace auraos::test {

namespace {

/// The server shared by every case of this process.
pg_server& shared_server() {
  static auto server = [] {
    auto launched = pg_server::launch();
    if (!launched) BOOST_FAIL("cannot start PostgreSQL: " + launched.error());
    return std::move(launched).value();
  }();
  return *server;
}

/// Runs one SQL statement on a database of the shared server.
void exec_sql(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  PGresult* done = PQexec(conn, sql.c_str());
  std::string error = PQresultStatus(done) == PGRES_COMMAND_OK ? "" : PQerrorMessage(conn);
  PQclear(done);
  PQfinish(conn);
  BOOST_REQUIRE_MESSAGE(error.empty(), sql + ": " + error);
}

/// True when `sql` with parameters $1 and $2 returns a row.
bool query_has_row(const std::string& url, const std::string& sql, const std::string& a,
                   const std::string& b) {
  PGconn* conn = PQconnectdb(url.c_str());
  const char* values[] = {a.c_str(), b.c_str()};
  PGresult* rows = PQexecParams(conn, sql.c_str(), 2, nullptr, values, nullptr, nullptr, 0);
  bool ok = PQresultStatus(rows) == PGRES_TUPLES_OK;
  std::string error = ok ? "" : PQerrorMessage(conn);
  bool found = ok && PQntuples(rows) > 0;
  PQclear(rows);
  PQfinish(conn);
  BOOST_REQUIRE_MESSAGE(ok, sql + ": " + error);
  return found;
}

/// The rows store_conformance_upgrade.hpp describes, written by release 1's own functions
/// (and plain inserts where it had none) into release 1's PostgreSQL columns.
constexpr std::string_view version_1_rows = R"sql(
SELECT auraos_put_workflow('orders', 'orders', '', '1.0', '{"v":1}', ARRAY['shop'], 1000);
SELECT auraos_put_workflow('orders', 'orders', '', '1.0', '{"v":2}', ARRAY['shop','eu'], 2000);
SELECT auraos_put_workflow('old', 'old', '', '1.0', '{}', ARRAY[]::text[], 1500);
SELECT auraos_delete_workflow('old', 3000);
SELECT auraos_create_execution('11111111-1111-4111-8111-111111111111', 'orders', 1, 'pending',
                               '{"n":1}', NULL, NULL, 1100, NULL, NULL, 'k1');
SELECT auraos_update_execution('11111111-1111-4111-8111-111111111111', 'completed',
                               '{"ok":true}', NULL, 1200, 1700);
SELECT auraos_create_execution('22222222-2222-4222-8222-222222222222', 'orders', 0, 'failed',
  '{}', NULL, '{"type":"shell","message":"boom","retryable":false,"attempts":1}', 2100, 2200,
  2300, NULL);
SELECT auraos_create_execution('33333333-3333-4333-8333-333333333333', 'orders', 0, 'running',
                               '{}', NULL, NULL, 2400, 2500, NULL, NULL);
INSERT INTO shard_leases VALUES (0, 'node-a', 4, auraos_ts(100));
SELECT auraos_append_history('11111111-1111-4111-8111-111111111111', 1, 0, 4,
  ARRAY[1200, 1300, 1700]::bigint[], ARRAY['execution_started', 'node_completed',
  'execution_completed'], ARRAY['', 'a', ''], ARRAY[0, 1, 0]::bigint[],
  ARRAY['\x7000ff', '\x7000ff', '\x7000ff']::bytea[]);
SELECT auraos_append_history('33333333-3333-4333-8333-333333333333', 1, 0, 4,
  ARRAY[2500]::bigint[], ARRAY['execution_started'], ARRAY[''], ARRAY[0]::bigint[],
  ARRAY['\x7000ff']::bytea[]);
INSERT INTO execution_snapshots VALUES ('11111111-1111-4111-8111-111111111111', 3, '\x00');
INSERT INTO timers VALUES ('33333333-3333-4333-8333-333333333333', 't1', auraos_ts(9000));
)sql";

/// The rows store_conformance_cluster_upgrade.hpp adds, with schema 3's functions.
constexpr std::string_view pre_cluster_rows = R"sql(
SELECT auraos_create_execution('44444444-4444-4444-8444-444444444444', 'orders', 0, 'running',
                               '{}', NULL, NULL, 2600, 2700, NULL, NULL, NULL);
INSERT INTO timers VALUES ('44444444-4444-4444-8444-444444444444', 't2', auraos_ts(9500));
)sql";

/// The newest PostgreSQL schema before clusters (0004_cluster).
constexpr std::int64_t pre_cluster_version = 3;

/// A fresh database t_N on the shared server.
class postgres_factory final : public store_factory {
 public:
  postgres_factory() {
    static std::atomic<int> next{0};
    name_ = "t_" + std::to_string(next++);
    auto made = shared_server().create_database(name_);
    BOOST_REQUIRE_MESSAGE(made.has_value(), (made ? "" : made.error()));
  }

  persistence::store_result<std::unique_ptr<persistence::store>> open(
      persistence::clock_fn clock) override {
    auto opened = persistence::postgres::postgres_store::open({url(), std::move(clock)});
    if (!opened) return fail(std::move(opened).error());
    return std::unique_ptr<persistence::store>{std::move(opened).value()};
  }

  void record_future_schema_version() override {
    exec_sql(url(), "INSERT INTO schema_migrations VALUES (9999, '9999_future', now())");
  }

  void create_version_1_database() override {
    auto conn = persistence::postgres::connection::open(url());
    BOOST_REQUIRE_MESSAGE(conn.has_value(), (conn ? "" : conn.error().message));
    auto migrated = persistence::postgres::migrate(**conn, 100, 1);
    BOOST_REQUIRE_MESSAGE(migrated.has_value(), (migrated ? "" : migrated.error().message));
    exec_sql(url(), std::string{version_1_rows});
  }

  void create_pre_cluster_database() override {
    create_version_1_database();
    auto conn = persistence::postgres::connection::open(url());
    BOOST_REQUIRE_MESSAGE(conn.has_value(), (conn ? "" : conn.error().message));
    auto migrated = persistence::postgres::migrate(**conn, 200, pre_cluster_version);
    BOOST_REQUIRE_MESSAGE(migrated.has_value(), (migrated ? "" : migrated.error().message));
    exec_sql(url(), std::string{pre_cluster_rows});
  }

  void set_lease_expiry(std::int64_t shard, std::optional<std::int64_t> at_ms) override {
    auto ends = at_ms ? "auraos_ts(" + std::to_string(*at_ms) + ")" : std::string{"NULL"};
    exec_sql(url(), "UPDATE shard_leases SET expires_at = " + ends +
                        " WHERE shard = " + std::to_string(shard));
  }

  bool has_column(const std::string& table, const std::string& column) override {
    return query_has_row(url(),
                         "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                         "current_schema() AND table_name = $1 AND column_name = $2",
                         table, column);
  }

  bool has_index(const std::string& name) override {
    return query_has_row(url(), "SELECT 1 FROM pg_indexes WHERE indexname = $1 AND $2 = ''", name,
                         "");
  }

 private:
  std::string url() const { return shared_server().url_for(name_); }
  std::string name_;
};

}  // namespace

std::unique_ptr<store_factory> make_store_factory() {
  return std::make_unique<postgres_factory>();
}

}  // namespace auraos::test

#include "tests/support/store_conformance_cases.hpp"
