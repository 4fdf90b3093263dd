#pragma once
// Loads a SQL dump of tests/fixtures/ (a store made by an earlier release) into a SQLite file.

#include <fstream>
#include <sstream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "persistence/sqlite/database.hpp"
#include "tests/support/process.hpp"

namespace auraos::test {

/// Writes tests/fixtures/`name` (an `sqlite3 .dump`) into the database file `path`.
inline void load_sqlite_fixture(const std::string& path, const std::string& name) {
  std::ifstream in{source_dir() + "/tests/fixtures/" + name};
  std::ostringstream dump;
  dump << in.rdbuf();
  BOOST_TEST_REQUIRE(dump.str().size() > 1000u, name);
  auto db = persistence::sqlite::database::open(path);
  BOOST_TEST_REQUIRE(db.has_value());
  auto loaded = db->exec(dump.str(), "load the fixture " + name);
  BOOST_TEST_REQUIRE(loaded.has_value(), (loaded ? "" : loaded.error().message));
}

}  // namespace auraos::test
