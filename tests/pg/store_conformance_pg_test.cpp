// The store conformance cases, run on the PostgreSQL backend against a throwaway server
// (one per test process, a fresh database per case).
#include "tests/support/store_conformance.hpp"

#include <libpq-fe.h>

#include <atomic>

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
