// The store's health: one transition per outage, its length, and the capped probe backoff.
#include <boost/test/unit_test.hpp>

#include "actors/store/store_health.hpp"

using namespace std::chrono_literals;
using auraos::actors::store::store_health;

namespace {

/// A clock the test moves by hand.
struct manual_clock {
  std::chrono::steady_clock::time_point now{};
  auraos::runtime::supervision::clock_source source() {
    return [this] { return now; };
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(store_health_suite)

BOOST_AUTO_TEST_CASE(only_the_first_failure_of_an_outage_turns_the_store_down) {
  manual_clock clock;
  store_health health{clock.source()};
  BOOST_TEST(health.up());
  BOOST_TEST(health.mark_down("locked"));
  BOOST_TEST(!health.mark_down("still locked"));
  BOOST_TEST(!health.up());
  BOOST_TEST(health.reason() == "still locked");
}

BOOST_AUTO_TEST_CASE(recovery_reports_how_long_the_outage_lasted_once) {
  manual_clock clock;
  store_health health{clock.source()};
  BOOST_TEST(!health.mark_up().has_value());
  health.mark_down("locked");
  clock.now += 7300ms;
  auto lasted = health.mark_up();
  BOOST_TEST_REQUIRE(lasted.has_value());
  BOOST_TEST(lasted->count() == 7300);
  BOOST_TEST(health.up());
  BOOST_TEST(health.reason().empty());
  BOOST_TEST(!health.mark_up().has_value());
}

BOOST_AUTO_TEST_CASE(probe_delays_double_up_to_the_cap_and_restart_with_each_outage) {
  store_health health;
  health.mark_down("locked");
  std::vector<long> delays;
  for (int i = 0; i < 6; ++i) delays.push_back(health.next_probe_delay().count());
  BOOST_TEST(delays == (std::vector<long>{50, 100, 200, 400, 500, 500}),
             boost::test_tools::per_element());
  health.mark_up();
  health.mark_down("gone");
  BOOST_TEST(health.next_probe_delay() == store_health::first_probe_delay);
}

BOOST_AUTO_TEST_SUITE_END()
