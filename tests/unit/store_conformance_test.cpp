// The store conformance cases, run on the SQLite backend (a file in a temp directory).
#include "tests/support/store_conformance.hpp"
#include "persistence/sqlite/database.hpp"
#include "persistence/sqlite/migrations.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "persistence/sqlite/statement.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

namespace {

/// The rows store_conformance_upgrade.hpp describes, in release 1's SQLite columns.
constexpr std::string_view version_1_rows = R"sql(
INSERT INTO workflows VALUES ('orders', 'orders', '', '1.0', 2, '{"v":2}', '["shop","eu"]',
                              1000, 2000, NULL);
INSERT INTO workflows VALUES ('old', 'old', '', '1.0', 1, '{}', '[]', 1500, 1500, 3000);
INSERT INTO workflow_revisions VALUES
  ('orders', 1, 'orders', '', '1.0', '{"v":1}', '["shop"]', 1000, 1000),
  ('orders', 2, 'orders', '', '1.0', '{"v":2}', '["shop","eu"]', 1000, 2000),
  ('old', 1, 'old', '', '1.0', '{}', '[]', 1500, 1500);
INSERT INTO workflow_tags VALUES ('orders', 'shop'), ('orders', 'eu');
INSERT INTO workflow_executions VALUES
  ('11111111-1111-4111-8111-111111111111', 'orders', 1, 'completed', '{"n":1}', '{"ok":true}',
   NULL, 1100, 1200, 1700, 'k1'),
  ('22222222-2222-4222-8222-222222222222', 'orders', 2, 'failed', '{}', NULL,
   '{"type":"shell","message":"boom","retryable":false,"attempts":1}', 2100, 2200, 2300, NULL),
  ('33333333-3333-4333-8333-333333333333', 'orders', 2, 'running', '{}', NULL, NULL, 2400, 2500,
   NULL, NULL);
INSERT INTO execution_history VALUES
  ('11111111-1111-4111-8111-111111111111', 1, 1200, 'execution_started', '', 0, X'7000ff'),
  ('11111111-1111-4111-8111-111111111111', 2, 1300, 'node_completed', 'a', 1, X'7000ff'),
  ('11111111-1111-4111-8111-111111111111', 3, 1700, 'execution_completed', '', 0, X'7000ff'),
  ('33333333-3333-4333-8333-333333333333', 1, 2500, 'execution_started', '', 0, X'7000ff');
INSERT INTO execution_snapshots VALUES ('11111111-1111-4111-8111-111111111111', 3, X'00');
INSERT INTO timers VALUES ('33333333-3333-4333-8333-333333333333', 't1', 9000);
INSERT INTO shard_leases VALUES (0, 'node-a', 4, 100);
)sql";

/// The rows store_conformance_cluster_upgrade.hpp adds, in the SQLite columns of schema 2.
constexpr std::string_view pre_cluster_rows = R"sql(
INSERT INTO workflow_executions (id, workflow_id, revision, status, input_data, created_at,
                                 started_at)
VALUES ('44444444-4444-4444-8444-444444444444', 'orders', 2, 'running', '{}', 2600, 2700);
INSERT INTO timers VALUES ('44444444-4444-4444-8444-444444444444', 't2', 9500);
)sql";

/// The newest SQLite schema before clusters (0003_cluster).
constexpr std::int64_t pre_cluster_version = 2;

/// SQLite databases in a fresh temp directory.
class sqlite_factory final : public store_factory {
 public:
  persistence::store_result<std::unique_ptr<persistence::store>> open(
      persistence::clock_fn clock) override {
    auto opened = persistence::sqlite::sqlite_store::open({path(), std::move(clock)});
    if (!opened) return fail(std::move(opened).error());
    return std::unique_ptr<persistence::store>{std::move(opened).value()};
  }

  void record_future_schema_version() override {
    auto db = persistence::sqlite::database::open(path());
    BOOST_REQUIRE(db.has_value());
    auto done = db->exec("INSERT INTO schema_migrations VALUES (9999, '9999_future', 0)",
                         "record a future schema version");
    BOOST_REQUIRE_MESSAGE(done.has_value(), (done ? "" : done.error().message));
  }

  void create_version_1_database() override {
    auto db = persistence::sqlite::database::open(path());
    BOOST_REQUIRE(db.has_value());
    auto migrated = persistence::sqlite::migrate(*db, 100, 1);
    BOOST_REQUIRE_MESSAGE(migrated.has_value(), (migrated ? "" : migrated.error().message));
    auto filled = db->exec(version_1_rows, "write release 1 rows");
    BOOST_REQUIRE_MESSAGE(filled.has_value(), (filled ? "" : filled.error().message));
  }

  void create_pre_cluster_database() override {
    create_version_1_database();
    auto db = persistence::sqlite::database::open(path());
    BOOST_REQUIRE(db.has_value());
    auto migrated = persistence::sqlite::migrate(*db, 200, pre_cluster_version);
    BOOST_REQUIRE_MESSAGE(migrated.has_value(), (migrated ? "" : migrated.error().message));
    auto filled = db->exec(pre_cluster_rows, "write pre-cluster rows");
    BOOST_REQUIRE_MESSAGE(filled.has_value(), (filled ? "" : filled.error().message));
  }

  void set_lease_expiry(std::int64_t shard, std::optional<std::int64_t> at_ms) override {
    auto db = persistence::sqlite::database::open(path());
    BOOST_REQUIRE(db.has_value());
    auto ends = at_ms ? std::to_string(*at_ms) : std::string{"NULL"};
    auto done = db->exec(
        "UPDATE shard_leases SET expires_at = " + ends + " WHERE shard = " + std::to_string(shard),
        "set lease expiry");
    BOOST_REQUIRE_MESSAGE(done.has_value(), (done ? "" : done.error().message));
  }

  bool has_column(const std::string& table, const std::string& column) override {
    return exists("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", table, column);
  }

  bool has_index(const std::string& name) override {
    return exists("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1", name, "");
  }

  bool serves_clusters() const override { return false; }

 private:
  std::string path() const { return dir_.file("auraos.db"); }

  /// True when `sql` (with ?1 = `a` and, if it names it, ?2 = `b`) returns a row.
  bool exists(std::string_view sql, const std::string& a, const std::string& b) {
    auto db = persistence::sqlite::database::open(path());
    BOOST_REQUIRE(db.has_value());
    auto query = persistence::sqlite::statement::prepare(db->handle(), sql, "schema probe");
    BOOST_REQUIRE_MESSAGE(query.has_value(), (query ? "" : query.error().message));
    query->bind(1, a);
    if (!b.empty()) query->bind(2, b);
    bool found = false;
    auto read = query->for_each_row([&](const persistence::sqlite::statement&) { found = true; });
    BOOST_REQUIRE(read.has_value());
    return found;
  }
  temp_dir dir_;
};

}  // namespace

std::unique_ptr<store_factory> make_store_factory() {
  return std::make_unique<sqlite_factory>();
}

}  // namespace auraos::test

#include "tests/support/store_conformance_cases.hpp"
