#include "bench/support/bench_database.hpp"

#include <fmt/core.h>

#include "tests/support/pg_server.hpp"

namespace auraos::bench {

namespace {

constexpr const char* throwaway_postgresql = "postgresql:throwaway";

/// Starts a throwaway server and prints the settings it runs with.
result<std::unique_ptr<test::pg_server>, std::string> launch_server() {
  auto server = test::pg_server::launch();
  if (!server) return fail("--db " + std::string{throwaway_postgresql} + ": " + server.error());
  fmt::print("throwaway PostgreSQL 15 on 127.0.0.1:{} with", (*server)->port());
  for (const auto& [name, value] : test::pg_server_settings()) fmt::print(" {}={}", name, value);
  fmt::print("\n");
  return std::move(*server);
}

}  // namespace

bench_database::~bench_database() = default;

result<std::unique_ptr<bench_database>, std::string> bench_database::open(const std::string& db) {
  std::unique_ptr<bench_database> out{new bench_database};
  if (db.empty()) return out;
  if (db == throwaway_postgresql) {
    auto server = launch_server();
    if (!server) return fail(server.error());
    out->server_ = std::move(*server);
    out->location_ = runtime::database_location{"postgresql", out->server_->url()};
    return out;
  }
  auto location = runtime::parse_database_url(db);
  if (!location) return fail("--db: " + location.error());
  out->location_ = std::move(*location);
  return out;
}

result<std::string, std::string> bench_database::new_database(const std::string& name) const {
  if (!server_) return fail(std::string{"new database: the store is not a throwaway PostgreSQL"});
  if (auto created = server_->create_database(name); !created) return fail(created.error());
  return server_->url_for(name);
}

}  // namespace auraos::bench
