// The crash test of the durable execution engine on PostgreSQL (a throwaway server).
#include "tests/support/crash_scenario.hpp"
#include "tests/support/pg_server.hpp"

BOOST_AUTO_TEST_SUITE(crash_recovery_pg)

BOOST_AUTO_TEST_CASE(kill_9_during_delays_loses_no_execution_and_reruns_no_completed_node) {
  auto server = auraos::test::pg_server::launch();
  BOOST_REQUIRE_MESSAGE(server.has_value(), (server ? "" : server.error()));
  auraos::test::crash_scenario::kill_9_during_delays({"--db", (*server)->url()});
}

BOOST_AUTO_TEST_SUITE_END()
