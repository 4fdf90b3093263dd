// Fencing on PostgreSQL: an execution whose shard another owner took writes nothing more and
// stops.
#include <boost/test/unit_test.hpp>

#include "persistence/postgres/postgres_store.hpp"
#include "tests/support/fenced_execution.hpp"
#include "tests/support/pg_server.hpp"
#include "tests/support/wall_clock.hpp"

BOOST_AUTO_TEST_CASE(an_execution_whose_shard_moved_is_fenced_and_stops_on_postgres) {
  auto server = auraos::test::pg_server::launch();
  BOOST_REQUIRE_MESSAGE(server.has_value(), (server ? "" : server.error()));
  auto mine = auraos::persistence::postgres::postgres_store::open(
      {(*server)->url(), auraos::test::wall_clock()});
  BOOST_REQUIRE_MESSAGE(mine.has_value(), (mine ? "" : mine.error().message));
  auto theirs = auraos::persistence::postgres::postgres_store::open(
      {(*server)->url(), auraos::test::wall_clock()});
  BOOST_REQUIRE(theirs.has_value());
  auraos::test::check_fenced_execution_stops(std::move(*mine), **theirs);
}
