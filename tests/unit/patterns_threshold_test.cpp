// The `threshold` matcher (docs/event-patterns.md): tables of scripts with a simulated clock,
// each also run with a restart (state stored and restored) after every line.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "patterns_harness.hpp"

using namespace auraos::test;

namespace {

const std::string three_failures = R"({"id": "brute", "name": "three failed logins",
  "kind": "threshold", "type": "login", "where": "!event.data.ok", "count": 3, "within": 60,
  "by": "user", "emit": {"type": "login.suspicious", "source": "patterns"}})";

auraos::runtime::events::event failed(std::string id, std::string user = "ada") {
  return ev(std::move(id), "login", R"({"ok": false, "user": ")" + user + R"("})");
}

auraos::runtime::events::event succeeded(std::string id, std::string user = "ada") {
  return ev(std::move(id), "login", R"({"ok": true, "user": ")" + user + R"("})");
}

}  // namespace

BOOST_AUTO_TEST_CASE(threshold_counts_in_a_sliding_window_per_by_value) {
  check_cases(
      three_failures,
      {
          {"three within the window",
           {{0, failed("f1")}, {1000, failed("f2")}, {2000, failed("f3")}},
           {"f1,f2,f3 @2000 by=\"ada\""}},
          {"two are not enough", {{0, failed("f1")}, {1000, failed("f2")}, tick(100000)}, {}},
          {"after a match the count starts again",
           {{0, failed("f1")},
            {1, failed("f2")},
            {2, failed("f3")},
            {3, failed("f4")},
            {4, failed("f5")},
            {5, failed("f6")}},
           {"f1,f2,f3 @2 by=\"ada\"", "f4,f5,f6 @5 by=\"ada\""}},
          {"the window slides: the oldest leaves, later ones count",
           {{0, failed("f1")}, {30000, failed("f2")}, {61000, failed("f3")}, {65000, failed("f4")}},
           {"f2,f3,f4 @65000 by=\"ada\""}},
          {"an event exactly `within` old still counts",
           {{0, failed("f1")}, {1, failed("f2")}, {60000, failed("f3")}},
           {"f1,f2,f3 @60000 by=\"ada\""}},
          {"1 ms older does not",
           {{0, failed("f1")}, {1, failed("f2")}, {60001, failed("f3")}},
           {}},
          {"users are counted apart",
           {{0, failed("f1", "ada")},
            {1, failed("g1", "bob")},
            {2, failed("f2", "ada")},
            {3, failed("g2", "bob")},
            {4, failed("g3", "bob")}},
           {"g1,g2,g3 @4 by=\"bob\""}},
          {"where filters what counts",
           {{0, failed("f1")}, {1, succeeded("s1")}, {2, succeeded("s2")}, {3, failed("f2")}},
           {}},
          {"other types do not count",
           {{0, failed("f1")},
            {1, ev("x", "logout", R"({"ok": false, "user": "ada"})")},
            {2, failed("f2")}},
           {}},
          {"a duplicate counts once",
           {{0, failed("f1")}, {1, failed("f1")}, {2, failed("f2")}},
           {}},
          {"a tick forgets what left the window",
           {{0, failed("f1")}, {1, failed("f2")}, tick(60002), {60003, failed("f3")}},
           {}},
      });
}

BOOST_AUTO_TEST_CASE(threshold_of_one_matches_each_event) {
  check_cases(R"({"name": "each", "kind": "threshold", "type": "a", "count": 1, "within": 1,
    "emit": {"type": "x", "source": "p"}})",
              {{"every event", {{0, ev("a1", "a")}, {0, ev("a2", "a")}}, {"a1 @0", "a2 @0"}}});
}

BOOST_AUTO_TEST_CASE(threshold_deadline_is_when_the_oldest_leaves) {
  auto m = patterns::make_matcher(rule_of(three_failures));
  patterns::on_event(m, failed("f1"), t0 + 5);
  BOOST_TEST(patterns::next_deadline(m) == std::optional<std::int64_t>(t0 + 60006));
  patterns::on_time(m, t0 + 60006);
  BOOST_TEST(!patterns::next_deadline(m).has_value());
}

BOOST_AUTO_TEST_CASE(threshold_keeps_at_most_max_chains_in_all) {
  auto m = patterns::make_matcher(rule_of(three_failures));
  const auto cap = static_cast<int>(patterns::chain_book::max_chains);
  for (int i = 0; i <= cap; ++i)
    patterns::on_event(m, failed("a" + std::to_string(i), "u" + std::to_string(i)), t0 + i);
  auto state = patterns::state_json(m);
  std::size_t kept = 0;
  for (const auto& [key, chains] : state["chains"].items()) kept += chains.size();
  BOOST_TEST(kept == patterns::chain_book::max_chains);
  // u0's failure, the oldest, was dropped: two more are not enough (each drops the oldest).
  patterns::on_event(m, failed("b0", "u0"), t0 + cap + 1);
  BOOST_TEST(patterns::on_event(m, failed("c0", "u0"), t0 + cap + 2).empty());
  // The newest user's first failure was kept: two more make three.
  auto last = "u" + std::to_string(cap);
  patterns::on_event(m, failed("b1", last), t0 + cap + 3);
  BOOST_TEST(patterns::on_event(m, failed("c1", last), t0 + cap + 4).size() == 1u);
}
