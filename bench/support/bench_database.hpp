#pragma once
// The store a benchmark runs on: a new SQLite file (default), a given `--db` URL, or a
// throwaway PostgreSQL 15 server (`--db postgresql:throwaway`) started for the run.

#include <memory>
#include <optional>
#include <string>

#include "runtime/node_config.hpp"
#include "runtime/result.hpp"

namespace auraos::test {
class pg_server;
}

namespace auraos::bench {

/// Where a bench's store lives; owns the throwaway server, if any, until destruction.
class bench_database {
 public:
  /// Parses a `--db` value: `sqlite:PATH`, `postgresql://...` or `postgresql:throwaway`
  /// (starts a server and prints its settings); empty text means a new SQLite file.
  static result<std::unique_ptr<bench_database>, std::string> open(const std::string& db);
  ~bench_database();

  /// The location to open; none: a new SQLite file in a temp dir.
  const std::optional<runtime::database_location>& location() const { return location_; }
  /// Creates an empty database `name` on the throwaway server; its URL (an error when this
  /// store is not a throwaway PostgreSQL).
  result<std::string, std::string> new_database(const std::string& name) const;

 private:
  bench_database() = default;
  std::unique_ptr<test::pg_server> server_;
  std::optional<runtime::database_location> location_;
};

}  // namespace auraos::bench
