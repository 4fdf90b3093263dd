// The crash test of the durable execution engine on the embedded SQLite store.
#include "tests/support/crash_scenario.hpp"

BOOST_AUTO_TEST_SUITE(crash_recovery)

BOOST_AUTO_TEST_CASE(kill_9_during_delays_loses_no_execution_and_reruns_no_completed_node) {
  auraos::test::crash_scenario::kill_9_during_delays({});
}

BOOST_AUTO_TEST_SUITE_END()
