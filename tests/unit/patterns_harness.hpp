#pragma once
// The event pattern tests' tools: events, scripts of events and clock ticks run on a matcher
// with a simulated clock (plain milliseconds), matches rendered as one line each so tables can
// name what they expect.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "runtime/events/event.hpp"
#include "runtime/events/patterns/matcher.hpp"
#include "runtime/events/patterns/rule_parse.hpp"

// Lets Boost.Test print a mismatching list of lines or optional value (found by argument-dependent
// lookup).
namespace std {
inline ostream& boost_test_print_type(ostream& out, const vector<string>& texts) {
  for (const auto& text : texts) out << "\n  " << text;
  return out;
}
/// Prints an optional value (or "nullopt").
template <class T>
ostream& boost_test_print_type(ostream& out, const optional<T>& value) {
  if (value) return out << *value;
  return out << "nullopt";
}
}  // namespace std

namespace auraos::test {

namespace patterns = runtime::events::patterns;
using strings = std::vector<std::string>;

/// A base time (aligned to 10 s windows) so the tables can count from 0.
inline constexpr std::int64_t t0 = 1'000'000'000'000;

/// An event with id `id`, type `type`, data `data` (JSON text) and correlation id `correlation`.
inline runtime::events::event ev(std::string id, std::string type, std::string data = "{}",
                                 std::optional<std::string> correlation = std::nullopt) {
  runtime::events::event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.source = "test";
  e.data = std::move(data);
  e.correlation_id = std::move(correlation);
  return e;
}

/// One line of a script: at `at` ms after `t0`, an event arrives, or (without one) time passes.
struct feed {
  std::int64_t at = 0;                          ///< Ms after t0.
  std::optional<runtime::events::event> event;  ///< Absent: a clock tick (`on_time`).
};

/// A clock tick at `at` ms after t0.
inline feed tick(std::int64_t at) {
  return {at, std::nullopt};
}

/// A match as one line: "a1,b1 @1000 by=7 corr=c count=3 mean=1.5 sd=0.5" (times after t0).
inline std::string render(const patterns::match& m) {
  std::string text;
  for (const auto& id : m.matched) text += (text.empty() ? "" : ",") + id;
  text += " @" + std::to_string(m.at_ms - t0);
  if (m.by) text += " by=" + *m.by;
  if (m.correlation_id) text += " corr=" + *m.correlation_id;
  if (m.figures)
    text += " count=" + std::to_string(m.figures->count) +
            " mean=" + nlohmann::json(m.figures->mean).dump() +
            " sd=" + nlohmann::json(m.figures->stddev).dump();
  if (m.causation_id != (m.matched.empty() ? "" : m.matched.back())) text += " cause?";
  return text;
}

/// The rule written as JSON text; the test fails when it is not valid.
inline patterns::rule rule_of(const std::string& text) {
  auto parsed = patterns::parse_rule(nlohmann::json::parse(text));
  BOOST_REQUIRE_MESSAGE(parsed.has_value(),
                        "rule: " << text << (parsed ? "" : "\n  " + parsed.error().front()));
  return std::move(parsed).value();
}

/// Runs `script[from, to)` on `m`, appending each match's line to `out`.
inline void run(patterns::matcher& m, const std::vector<feed>& script, std::size_t from,
                std::size_t to, strings& out) {
  for (std::size_t i = from; i < to; ++i) {
    const auto& line = script[i];
    auto found = line.event ? patterns::on_event(m, *line.event, t0 + line.at)
                            : patterns::on_time(m, t0 + line.at);
    for (const auto& one : found) out.push_back(render(one));
  }
}

/// The matches of the whole script on a fresh matcher of `r`.
inline strings run(const patterns::rule& r, const std::vector<feed>& script) {
  auto m = patterns::make_matcher(r);
  strings out;
  run(m, script, 0, script.size(), out);
  return out;
}

/// The matches of the script with a restart after `split` lines: the state goes through JSON
/// text into a fresh matcher, which runs the rest.
inline strings run_with_restart(const patterns::rule& r, const std::vector<feed>& script,
                                std::size_t split) {
  auto before = patterns::make_matcher(r);
  strings out;
  run(before, script, 0, split, out);
  auto stored = patterns::state_json(before).dump();
  auto after = patterns::restore_matcher(r, nlohmann::json::parse(stored));
  BOOST_REQUIRE_MESSAGE(after.has_value(), (after ? "" : after.error()));
  run(after.value(), script, split, script.size(), out);
  return out;
}

/// One row of a matcher table: a script and the matches it must give.
struct script_case {
  std::string name;          ///< What the row shows.
  std::vector<feed> script;  ///< Events and ticks.
  strings expected;          ///< One line per match (see `render`).
};

/// Checks every row on a fresh matcher of `rule_text`, and again with a restart (state stored
/// and restored) after each line of the script: a window that spans a restart still matches.
inline void check_cases(const std::string& rule_text, const std::vector<script_case>& rows) {
  auto r = rule_of(rule_text);
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      BOOST_TEST(run(r, row.script) == row.expected);
      for (std::size_t split = 1; split < row.script.size(); ++split)
        BOOST_TEST_CONTEXT("restart after line " << split) {
          BOOST_TEST(run_with_restart(r, row.script, split) == row.expected);
        }
    }
  }
}

}  // namespace auraos::test
