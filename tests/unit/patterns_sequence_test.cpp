// The `sequence` matcher (docs/event-patterns.md): tables of scripts with a simulated clock, each
// also run with a restart (state stored and restored) after every line.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "patterns_harness.hpp"

using namespace auraos::test;

namespace {

const std::string paid_then_shipped = R"({"id": "fast", "name": "paid then shipped",
  "kind": "sequence", "within": 10, "by": "orderId",
  "steps": [{"type": "order.paid", "where": "event.data.amount > 100"}, {"type": "order.shipped"}],
  "emit": {"type": "order.fast", "source": "patterns"}})";

auraos::runtime::events::event paid(std::string id, std::string order, int amount = 200,
                                    std::optional<std::string> correlation = std::nullopt) {
  return ev(std::move(id), "order.paid",
            R"({"orderId": )" + order + R"(, "amount": )" + std::to_string(amount) + "}",
            std::move(correlation));
}

auraos::runtime::events::event shipped(std::string id, std::string order,
                                       std::optional<std::string> correlation = std::nullopt) {
  return ev(std::move(id), "order.shipped", R"({"orderId": )" + order + "}",
            std::move(correlation));
}

}  // namespace

BOOST_AUTO_TEST_CASE(sequence_matches_in_order_within_the_window_per_by_value) {
  check_cases(
      paid_then_shipped,
      {
          {"paid then shipped",
           {{0, paid("p1", "1")}, {5000, shipped("s1", "1")}},
           {"p1,s1 @5000 by=1"}},
          {"shipped before paid: order matters",
           {{0, shipped("s1", "1")}, {1000, paid("p1", "1")}},
           {}},
          {"the last step at exactly `within` matches",
           {{0, paid("p1", "1")}, {10000, shipped("s1", "1")}},
           {"p1,s1 @10000 by=1"}},
          {"1 ms after `within` does not", {{0, paid("p1", "1")}, {10001, shipped("s1", "1")}}, {}},
          {"by values are separate",
           {{0, paid("p1", "1")},
            {1000, paid("p2", "2")},
            {2000, shipped("s2", "2")},
            {3000, shipped("s1", "1")}},
           {"p2,s2 @2000 by=2", "p1,s1 @3000 by=1"}},
          {"another value's shipment does not complete",
           {{0, paid("p1", "1")}, {1000, shipped("s2", "2")}},
           {}},
          {"string and number values differ",
           {{0, paid("p1", "1")}, {1000, shipped("s1", R"("1")")}},
           {}},
          {"1.0 and 1 are one value",
           {{0, paid("p1", "1.0")}, {1000, shipped("s1", "1")}},
           {"p1,s1 @1000 by=1"}},
          {"events without the by field take no part",
           {{0, ev("p1", "order.paid", R"({"amount": 500})")}, {1000, shipped("s1", "1")}},
           {}},
          {"where filters a step", {{0, paid("p1", "1", 50)}, {1000, shipped("s1", "1")}}, {}},
          {"overlapping partials: a shipment completes the oldest",
           {{0, paid("p1", "1")},
            {1000, paid("p2", "1")},
            {2000, shipped("s1", "1")},
            {3000, shipped("s2", "1")}},
           {"p1,s1 @2000 by=1", "p2,s2 @3000 by=1"}},
          {"a duplicate event is used once",
           {{0, paid("p1", "1")},
            {500, paid("p1", "1")},
            {1000, shipped("s1", "1")},
            {1500, shipped("s1", "1")}},
           {"p1,s1 @1000 by=1"}},
          {"an event replayed after its match is not used again",
           {{0, paid("p1", "1")},
            {1000, shipped("s1", "1")},
            {1200, paid("p1", "1")},
            {1500, shipped("s2", "1")}},
           {"p1,s1 @1000 by=1"}},
          {"an expired partial is dropped, a younger one still matches",
           {{0, paid("p1", "1")}, {8000, paid("p2", "1")}, {12000, shipped("s1", "1")}},
           {"p2,s1 @12000 by=1"}},
          {"a tick past the window drops the partial",
           {{0, paid("p1", "1")}, tick(10001), {10001, shipped("s1", "1")}},
           {}},
          {"time never goes back: an earlier now counts as the latest",
           {{5000, paid("p1", "1")}, {1000, shipped("s1", "1")}},
           {"p1,s1 @5000 by=1"}},
          {"a correlation id shared by all matched events is kept",
           {{0, paid("p1", "1", 200, "c")}, {1000, shipped("s1", "1", "c")}},
           {"p1,s1 @1000 by=1 corr=c"}},
          {"different correlation ids are not",
           {{0, paid("p1", "1", 200, "c")}, {1000, shipped("s1", "1", "d")}},
           {"p1,s1 @1000 by=1"}},
      });
}

BOOST_AUTO_TEST_CASE(sequence_of_three_steps_and_of_one_type_twice) {
  check_cases(
      R"({"name": "abc", "kind": "sequence", "within": 10,
    "steps": [{"type": "a"}, {"type": "b"}, {"type": "c"}], "emit": {"type": "x", "source": "p"}})",
      {
          {"a b c",
           {{0, ev("a1", "a")}, {1000, ev("b1", "b")}, {2000, ev("c1", "c")}},
           {"a1,b1,c1 @2000"}},
          {"a c b is not", {{0, ev("a1", "a")}, {1000, ev("c1", "c")}, {2000, ev("b1", "b")}}, {}},
          {"the second a waits for its own b",
           {{0, ev("a1", "a")},
            {1000, ev("b1", "b")},
            {1500, ev("a2", "a")},
            {2000, ev("c1", "c")},
            {2500, ev("b2", "b")},
            {3000, ev("c2", "c")}},
           {"a1,b1,c1 @2000", "a2,b2,c2 @3000"}},
          {"the whole sequence counts from the first step",
           {{0, ev("a1", "a")}, {9000, ev("b1", "b")}, {10001, ev("c1", "c")}},
           {}},
      });
  check_cases(R"({"name": "twice", "kind": "sequence", "within": 10, "by": "correlationId",
    "steps": [{"type": "a"}, {"type": "a"}], "emit": {"type": "x", "source": "p"}})",
              {
                  {"pairs, each event used once",
                   {{0, ev("a1", "a", "{}", "k")},
                    {1, ev("a2", "a", "{}", "k")},
                    {2, ev("a3", "a", "{}", "k")},
                    {3, ev("a4", "a", "{}", "k")}},
                   {"a1,a2 @1 by=\"k\" corr=k", "a3,a4 @3 by=\"k\" corr=k"}},
                  {"no correlation id: no part", {{0, ev("a1", "a")}, {1, ev("a2", "a")}}, {}},
              });
}

BOOST_AUTO_TEST_CASE(sequence_where_errors_and_non_booleans_are_no_match) {
  auto script = std::vector<feed>{{0, ev("x1", "x", R"({"amount": 5})")}, {1, ev("y1", "y")}};
  auto rule_with = [](const std::string& where) {
    return rule_of(R"({"name": "w", "kind": "sequence", "within": 1, "steps": [{"type": "x",
      "where": ")" +
                   where + R"("}, {"type": "y"}], "emit": {"type": "z", "source": "p"}})");
  };
  BOOST_TEST(run(rule_with("event.data.amount == 5"), script) == strings{"x1,y1 @1"});
  BOOST_TEST(run(rule_with("${event.data.amount == 5}"), script) == strings{"x1,y1 @1"});
  BOOST_TEST(run(rule_with("event.data.amount.x == 1"), script).empty());  // an error
  BOOST_TEST(run(rule_with("event.data.amount"), script).empty());         // a number
  BOOST_TEST(run(rule_with("event.data.missing"), script).empty());        // null
}

BOOST_AUTO_TEST_CASE(sequence_deadline_and_partial_cap) {
  auto r = rule_of(paid_then_shipped);
  auto m = patterns::make_matcher(r);
  BOOST_TEST(!patterns::next_deadline(m).has_value());
  patterns::on_event(m, paid("p1", "1"), t0);
  BOOST_TEST(patterns::next_deadline(m) == std::optional<std::int64_t>(t0 + 10001));
  patterns::on_time(m, t0 + 10001);
  BOOST_TEST(!patterns::next_deadline(m).has_value());

  auto capped = patterns::make_matcher(r);
  auto cap = patterns::sequence_matcher::per_key_cap;
  for (std::size_t i = 0; i <= cap; ++i)
    patterns::on_event(capped, paid("p" + std::to_string(i), "1"),
                       t0 + static_cast<std::int64_t>(i));
  auto first = patterns::on_event(capped, shipped("s", "1"), t0 + 1000);
  BOOST_REQUIRE_EQUAL(first.size(), 1u);
  BOOST_TEST(first.front().matched.front() == "p1");  // p0, the oldest, was dropped
  BOOST_TEST(patterns::state_json(capped)["chains"]["1"].size() == cap - 1);
}
