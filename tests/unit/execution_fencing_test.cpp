// Fencing on SQLite: an execution whose shard another owner took writes nothing more and stops.
#include <boost/test/unit_test.hpp>

#include "persistence/sqlite/sqlite_store.hpp"
#include "tests/support/fenced_execution.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/wall_clock.hpp"

BOOST_AUTO_TEST_CASE(an_execution_whose_shard_moved_is_fenced_and_stops_on_sqlite) {
  auraos::test::temp_dir dir;
  auto mine = auraos::persistence::sqlite::sqlite_store::open(
      {dir.file("auraos.db"), auraos::test::wall_clock()});
  BOOST_REQUIRE(mine.has_value());
  auto theirs = auraos::persistence::sqlite::sqlite_store::open(
      {dir.file("auraos.db"), auraos::test::wall_clock()});
  BOOST_REQUIRE(theirs.has_value());
  auraos::test::check_fenced_execution_stops(std::move(*mine), **theirs);
}
