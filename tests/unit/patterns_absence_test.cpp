// The `absence` matcher (docs/event-patterns.md): tables of scripts with a simulated clock, each
// also run with a restart (state stored and restored) after every line.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "patterns_harness.hpp"

using namespace auraos::test;

namespace {

const std::string paid_not_shipped = R"({"id": "late", "name": "paid, not shipped",
  "kind": "absence", "within": 10, "by": "data.orderId",
  "first": {"type": "order.paid"},
  "then": {"type": "order.shipped", "where": "event.data.status == 'ok'"},
  "emit": {"type": "order.late", "source": "patterns"}})";

auraos::runtime::events::event paid(std::string id, std::string order,
                                    std::optional<std::string> correlation = std::nullopt) {
  return ev(std::move(id), "order.paid", R"({"orderId": )" + order + "}", std::move(correlation));
}

auraos::runtime::events::event shipped(std::string id, std::string order,
                                       std::string status = "ok") {
  return ev(std::move(id), "order.shipped",
            R"({"orderId": )" + order + R"(, "status": ")" + status + R"("})");
}

}  // namespace

BOOST_AUTO_TEST_CASE(absence_fires_when_the_window_closes_and_then_cancels) {
  check_cases(
      paid_not_shipped,
      {
          {"no shipment: fires after the window",
           {{0, paid("p1", "1", "c")}, tick(10000), tick(10001), tick(20000)},
           {"p1 @10001 by=1 corr=c"}},
          {"not before the window closed", {{0, paid("p1", "1")}, tick(10000)}, {}},
          {"a shipment within the window cancels",
           {{0, paid("p1", "1")}, {4000, shipped("s1", "1")}, tick(20000)},
           {}},
          {"a shipment at exactly `within` still cancels",
           {{0, paid("p1", "1")}, {10000, shipped("s1", "1")}, tick(20000)},
           {}},
          {"a shipment after the window is too late",
           {{0, paid("p1", "1")}, {10001, shipped("s1", "1")}, tick(20000)},
           {"p1 @10001 by=1"}},
          {"another order's shipment does not cancel",
           {{0, paid("p1", "1")}, {1000, shipped("s2", "2")}, tick(20000)},
           {"p1 @10001 by=1"}},
          {"where filters the cancelling event",
           {{0, paid("p1", "1")}, {1000, shipped("s1", "1", "failed")}, tick(20000)},
           {"p1 @10001 by=1"}},
          {"a shipment cancels every open window of its order",
           {{0, paid("p1", "1")}, {1000, paid("p2", "1")}, {2000, shipped("s1", "1")}, tick(20000)},
           {}},
          {"a shipment before the payment cancels nothing",
           {{0, shipped("s1", "1")}, {1000, paid("p1", "1")}, tick(20000)},
           {"p1 @11001 by=1"}},
          {"windows close in order of their start",
           {{0, paid("p2", "2")}, {1000, paid("p1", "1")}, tick(30000)},
           {"p2 @10001 by=2", "p1 @11001 by=1"}},
          {"the next event reports a closed window before it is handled",
           {{0, paid("p1", "1")}, {15000, shipped("s1", "1")}},
           {"p1 @10001 by=1"}},
          {"a duplicate payment opens one window",
           {{0, paid("p1", "1")}, {10, paid("p1", "1")}, tick(20000)},
           {"p1 @10001 by=1"}},
      });
}

BOOST_AUTO_TEST_CASE(absence_as_a_heartbeat_rule) {
  // first = then: each beat closes the previous window and opens its own.
  check_cases(R"({"name": "heartbeat", "kind": "absence", "within": 5, "by": "host",
    "first": {"type": "beat"}, "then": {"type": "beat"}, "emit": {"type": "down", "source": "p"}})",
              {
                  {"beats in time, then silence",
                   {{0, ev("b1", "beat", R"({"host": "h"})")},
                    {4000, ev("b2", "beat", R"({"host": "h"})")},
                    {8000, ev("b3", "beat", R"({"host": "h"})")},
                    tick(30000)},
                   {"b3 @13001 by=\"h\""}},
                  {"a late beat: the gap fires, the late beat opens a new window",
                   {{0, ev("b1", "beat", R"({"host": "h"})")},
                    {6000, ev("b2", "beat", R"({"host": "h"})")},
                    tick(9000)},
                   {"b1 @5001 by=\"h\""}},
              });
}

BOOST_AUTO_TEST_CASE(absence_deadline_is_the_window_close) {
  auto m = patterns::make_matcher(rule_of(paid_not_shipped));
  BOOST_TEST(!patterns::next_deadline(m).has_value());
  patterns::on_event(m, paid("p1", "1"), t0 + 1000);
  patterns::on_event(m, paid("p2", "2"), t0 + 2000);
  BOOST_TEST(patterns::next_deadline(m) == std::optional<std::int64_t>(t0 + 11001));
  BOOST_TEST(patterns::on_time(m, t0 + 11000).empty());
  BOOST_TEST(patterns::on_time(m, t0 + 11001).size() == 1u);
  BOOST_TEST(patterns::next_deadline(m) == std::optional<std::int64_t>(t0 + 12001));
  patterns::on_event(m, shipped("s2", "2"), t0 + 11500);
  BOOST_TEST(!patterns::next_deadline(m).has_value());
}
