// The `rate` matcher (docs/event-patterns.md): tables of scripts with a simulated clock, each
// also run with a restart (state stored and restored) after every line.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "patterns_harness.hpp"

using namespace auraos::test;

namespace {

const std::string spikes = R"({"id": "spike", "name": "request spike", "kind": "rate",
  "type": "req", "windowSeconds": 10, "deviations": 2,
  "emit": {"type": "req.unusual", "source": "patterns"}})";

/// A script of `counts[i]` events in window i (10 s each), then the lines of `then`.
std::vector<feed> windows(const std::vector<int>& counts, std::vector<feed> then = {},
                          std::optional<std::string> correlation = std::nullopt) {
  std::vector<feed> script;
  for (std::size_t w = 0; w < counts.size(); ++w)
    for (int i = 0; i < counts[w]; ++i)
      script.push_back(
          {static_cast<std::int64_t>(w) * 10000 + i,
           ev("w" + std::to_string(w) + "-" + std::to_string(i), "req", "{}", correlation)});
  script.insert(script.end(), then.begin(), then.end());
  return script;
}

/// The ids of the events of window `w` as a match names them.
std::string ids(int w, int count) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += (i ? ",w" : "w") + std::to_string(w) + "-" + std::to_string(i);
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(rate_matches_a_window_outside_k_deviations) {
  check_cases(
      spikes,
      {
          {"a flat series never matches", windows({3, 3, 3, 3, 3}, {tick(49999)}), {}},
          {"a spike after a flat series matches (stddev 0: any difference)",
           windows({3, 3, 3, 3, 5}, {tick(50000)}),
           {ids(4, 5) + " @50000 count=5 mean=3.0 sd=0.0"}},
          {"the window is evaluated only when it ends",
           windows({3, 3, 3, 3, 5}, {tick(49999)}),
           {}},
          {"a drop to zero matches with no ids",
           windows({3, 3, 3, 3, 3}, {tick(60000)}),
           {" @60000 count=0 mean=3.0 sd=0.0"}},
          {"within k deviations: no match", windows({2, 4, 2, 4, 5}, {tick(50000)}), {}},
          {"exactly k deviations away: no match", windows({2, 4, 2, 4, 1}, {tick(50000)}), {}},
          {"beyond k deviations: a match",
           windows({2, 4, 2, 4, 6}, {tick(50000)}),
           {ids(4, 6) + " @50000 count=6 mean=3.0 sd=1.0"}},
          {"the first two windows are not evaluated", windows({1, 50, 20}, {tick(30000)}), {}},
          {"the next event closes the window",
           windows({3, 3, 3, 3, 5, 3}),
           {ids(4, 5) + " @50000 count=5 mean=3.0 sd=0.0"}},
          {"duplicates count once",
           windows({3, 3, 3, 3, 3},
                   {{40005, ev("w4-0", "req")}, {40006, ev("w4-1", "req")}, tick(50000)}),
           {}},
          {"other types do not count",
           windows({3, 3, 3, 3, 3}, {{40005, ev("x", "other")}, tick(50000)}),
           {}},
          {"a shared correlation id is kept",
           windows({3, 3, 3, 3, 4}, {tick(50000)}, "c"),
           {ids(4, 4) + " @50000 corr=c count=4 mean=3.0 sd=0.0"}},
          {"a long silence: one drop, then quiet, then a burst against zeros",
           windows({3, 3, 3}, {tick(1000000), {2000000, ev("b1", "req")}, tick(2010000)}),
           {" @40000 count=0 mean=3.0 sd=0.0", "b1 @2010000 count=1 mean=0.0 sd=0.0"}},
      });
}

BOOST_AUTO_TEST_CASE(rate_matches_name_at_most_the_cap_of_ids) {
  auto m = patterns::make_matcher(rule_of(spikes));
  auto script = windows({1, 1, 1, 200}, {tick(40000)});
  std::vector<patterns::match> found;
  for (const auto& line : script) {
    auto more = line.event ? patterns::on_event(m, *line.event, t0 + line.at)
                           : patterns::on_time(m, t0 + line.at);
    found.insert(found.end(), more.begin(), more.end());
  }
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found.front().matched.size() == patterns::rate_matcher::matched_cap);
  BOOST_TEST(found.front().matched.front() == "w3-150");
  BOOST_TEST(found.front().causation_id == "w3-199");
  BOOST_TEST(found.front().figures->count == 200);
}

BOOST_AUTO_TEST_CASE(rate_deadline_is_the_window_end_and_none_while_idle) {
  auto m = patterns::make_matcher(rule_of(spikes));
  BOOST_TEST(!patterns::next_deadline(m).has_value());
  patterns::on_event(m, ev("e1", "req"), t0 + 2500);
  BOOST_TEST(patterns::next_deadline(m) == std::optional<std::int64_t>(t0 + 10000));
  patterns::on_time(m, t0 + 10000);
  BOOST_TEST(patterns::next_deadline(m) == std::optional<std::int64_t>(t0 + 20000));
  patterns::on_time(m, t0 + 10'000'000);  // the one window with an event left the history
  BOOST_TEST(!patterns::next_deadline(m).has_value());
}

BOOST_AUTO_TEST_CASE(rate_counts_only_what_where_accepts) {
  auto r = rule_of(R"({"name": "big", "kind": "rate", "type": "req", "where": "event.data.big",
    "windowSeconds": 10, "deviations": 2, "emit": {"type": "x", "source": "p"}})");
  auto script = windows({3, 3, 3, 3}, {}, std::nullopt);
  for (auto& line : script) line.event->data = R"({"big": true})";
  for (int i = 0; i < 5; ++i)  // window 4: 3 big requests and 5 small ones
    script.push_back({40000 + i, ev("s" + std::to_string(i), "req", R"({"big": false})")});
  for (int i = 0; i < 3; ++i)
    script.push_back({40100 + i, ev("b" + std::to_string(i), "req", R"({"big": true})")});
  script.push_back(tick(50000));
  BOOST_TEST(run(r, script).empty());
  script.push_back({50001, ev("b9", "req", R"({"big": true})")});
  script.push_back(tick(60000));  // window 5: 1 big request
  BOOST_TEST(run(r, script) == strings{"b9 @60000 count=1 mean=3.0 sd=0.0"});
}
