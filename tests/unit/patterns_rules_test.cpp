// Pattern rules (docs/event-patterns.md): validation with exact `path: message` errors, the JSON
// form's round trip, the derived event, and restoring a matcher from a bad state.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "patterns_harness.hpp"
#include "runtime/events/patterns/derived_event.hpp"
#include "runtime/events/patterns/rule_json.hpp"
#include "runtime/uuid.hpp"

using namespace auraos::test;
using nlohmann::json;

namespace {

strings errors_of(const std::string& text) {
  auto parsed = patterns::parse_rule(json::parse(text));
  return parsed ? strings{} : parsed.error();
}

const std::string emit = R"("emit": {"type": "x", "source": "p"})";

}  // namespace

BOOST_AUTO_TEST_CASE(valid_rules_round_trip_through_their_json_form) {
  const std::vector<std::string> rules = {
      R"({"id": "r1", "name": "seq", "kind": "sequence", "steps": [{"type": "a", "where": "event.data.n > 1"}, {"type": "b"}], "within": 2.5, "by": "data.order.id", "emit": {"type": "x", "source": "p"}})",
      R"({"name": "abs", "kind": "absence", "first": {"type": "a"}, "then": {"type": "b", "where": "true"}, "within": 60, "by": "correlationId", "emit": {"type": "x", "source": "p"}})",
      R"({"id": "t", "name": "thr", "kind": "threshold", "type": "a", "where": "event.data.ok == false", "count": 3, "within": 60, "by": "user", "emit": {"type": "x", "source": "p"}})",
      R"({"id": "r", "name": "rate", "kind": "rate", "type": "a", "windowSeconds": 10, "deviations": 2.5, "emit": {"type": "x", "source": "p"}})",
  };
  for (const auto& text : rules) {
    BOOST_TEST_CONTEXT(text) {
      auto r = rule_of(text);
      BOOST_TEST(patterns::rule_json(r) == json::parse(text));
      BOOST_TEST(patterns::rule_json(rule_of(patterns::rule_json(r).dump())) == json::parse(text));
    }
  }
  auto wrapped = rule_of(
      R"({"name": "n", "kind": "threshold", "type": "a", "where": "${1 < 2}", "count": 1, "within": 1, )" +
      emit + "}");
  BOOST_TEST(patterns::rule_json(wrapped)["where"] == "1 < 2");
  BOOST_TEST(patterns::kind_name(rule_of(rules[0]).kind()) == "sequence");
  BOOST_TEST(patterns::kind_name(rule_of(rules[3]).kind()) == "rate");
}

BOOST_AUTO_TEST_CASE(invalid_rules_name_every_problem) {
  struct row {
    std::string rule;
    strings expected;
  };
  const std::vector<row> rows = {
      {R"([1])", {"must be an object, found array"}},
      {R"({})", {"name: required", "kind: required", "emit: required"}},
      {R"({"name": "", "kind": "pattern", "emit": {"type": "bad type", "source": "p", "extra": 1}})",
       {"name: must be 1 to 200 characters",
        "kind: must be one of \"sequence\", \"absence\", \"threshold\", \"rate\", found "
        "\"pattern\"",
        "emit.extra: unknown field",
        "emit.type: must be 1 to 100 characters of A-Z a-z 0-9 . _ : / -"}},
      {R"({"id": "", "name": "n", "kind": "rate", "type": "a", "windowSeconds": 10, "deviations": 1, )" +
           emit + "}",
       {"id: must be 1 to 100 characters of A-Z a-z 0-9 . _ : / -"}},
      {R"({"name": "n", "kind": "sequence", "steps": [{"type": "a"}], "within": 0, )" + emit + "}",
       {"steps: must hold 2 to 10 steps, found 1", "within: must be a number greater than 0"}},
      {R"({"name": "n", "kind": "sequence", "steps": [{"type": "a", "where": "1 +"}, 7, {"typ": "b"}], "within": 1, "by": "data..x", )" +
           emit + "}",
       {"steps[0].where: syntax error at position 3: expected an operand, found end of input",
        "steps[1]: must be an object, found 7",
        "steps[2].typ: unknown field (did you mean \"type\"?)", "steps[2].type: required",
        "by: must be \"correlationId\" or a data field path like \"orderId\" or \"data.order.id\" "
        "(at most 200 characters)"}},
      {R"({"name": "n", "kind": "absence", "first": "a", "within": 9999999, "by": 3, )" + emit +
           "}",
       {"first: must be an object, found string", "then: required",
        "within: must be between 0.001 and 2592000 seconds", "by: must be a string, found 3"}},
      {R"({"name": "n", "kind": "threshold", "type": "a", "count": 0, "within": 1, "steps": [], )" +
           emit + "}",
       {"steps: unknown field", "count: must be an integer from 1 to 1000, found 0"}},
      {R"({"name": "n", "kind": "threshold", "type": "a", "count": 2.5, "within": 0.0001, "by": "data", )" +
           emit + "}",
       {"count: must be an integer from 1 to 1000, found 2.5",
        "within: must be between 0.001 and 2592000 seconds",
        "by: must be \"correlationId\" or a data field path like \"orderId\" or \"data.order.id\" "
        "(at most 200 characters)"}},
      {R"({"name": "n", "kind": "rate", "type": "a", "windowSeconds": 100000, "deviations": -1, "by": "x", )" +
           emit + "}",
       {"by: unknown field", "windowSeconds: must be between 0.001 and 86400 seconds",
        "deviations: must be a number greater than 0"}},
      {R"({"name": "n", "kind": "rate", "type": "a", "windowSeconds": 1, )" + emit + "}",
       {"deviations: required"}},
  };
  for (const auto& r : rows) BOOST_TEST_CONTEXT(r.rule) {
      BOOST_TEST(errors_of(r.rule) == r.expected);
    }
}

BOOST_AUTO_TEST_CASE(rules_from_json_text) {
  BOOST_TEST(patterns::parse_rule_text(R"({"name": "n", "kind": "rate", "type": "a",
    "windowSeconds": 1, "deviations": 1, "emit": {"type": "x", "source": "p"}})")
                 .has_value());
  auto malformed = patterns::parse_rule_text(R"({"name": })");
  BOOST_REQUIRE(!malformed.has_value());
  BOOST_TEST(malformed.error().size() == 1u);
  BOOST_TEST(malformed.error().front().starts_with("line 1, column 10: "));
  BOOST_TEST(patterns::parse_rule_text("[]").error() == strings{"must be an object, found array"});
}

BOOST_AUTO_TEST_CASE(derived_event_carries_the_match) {
  auto r = rule_of(R"({"id": "fast", "name": "paid then shipped", "kind": "sequence", "within": 10,
    "by": "orderId", "steps": [{"type": "a"}, {"type": "b"}], "emit": {"type": "order.fast", "source": "patterns"}})");
  patterns::match m{{"a1", "b1"}, "b1", "7", "c", t0 + 5, std::nullopt};
  auto e = patterns::derive_event(r, m);
  BOOST_TEST(e.type == "order.fast");
  BOOST_TEST(e.source == "patterns");
  BOOST_TEST(e.timestamp == t0 + 5);
  BOOST_TEST(e.causation_id == std::optional<std::string>("b1"));
  BOOST_TEST(e.correlation_id == std::optional<std::string>("c"));
  BOOST_TEST(json::parse(e.data) ==
             json::parse(R"({"patternId": "fast", "patternName": "paid then shipped",
    "kind": "sequence", "matched": ["a1", "b1"], "by": 7})"));
  BOOST_TEST(auraos::runtime::is_uuid(e.id));
  BOOST_TEST(e.id == patterns::derive_event(r, m).id);  // the same match, the same id
  auto other = m;
  other.matched = {"a2", "b1"};
  BOOST_TEST(e.id != patterns::derive_event(r, other).id);

  patterns::match drop{{}, "", std::nullopt, std::nullopt, t0, patterns::rate_figures{0, 3, 0.5}};
  auto quiet = patterns::derive_event(r, drop);
  BOOST_TEST(!quiet.causation_id.has_value());
  BOOST_TEST(!quiet.correlation_id.has_value());
  auto data = json::parse(quiet.data);
  BOOST_TEST(data["matched"] == json::array());
  BOOST_TEST(data["count"] == 0);
  BOOST_TEST(data["mean"] == 3.0);
  BOOST_TEST(data["stddev"] == 0.5);
  BOOST_TEST(!data.contains("by"));
}

BOOST_AUTO_TEST_CASE(restoring_refuses_a_bad_state_and_adapts_to_a_changed_rule) {
  auto seq = rule_of(R"({"name": "s", "kind": "sequence", "within": 10,
    "steps": [{"type": "a"}, {"type": "b"}, {"type": "c"}], )" +
                     emit + "}");
  auto thr = rule_of(
      R"({"name": "t", "kind": "threshold", "type": "a", "count": 2, "within": 10, )" + emit + "}");
  auto m = patterns::make_matcher(seq);
  patterns::on_event(m, ev("a1", "a"), t0);
  patterns::on_event(m, ev("b1", "b"), t0 + 1);
  auto state = patterns::state_json(m);
  BOOST_TEST(patterns::restore_matcher(thr, state).error() ==
             "pattern state: not the state of a threshold rule");
  BOOST_TEST(!patterns::restore_matcher(seq, json::array()).has_value());
  auto broken = state;
  broken["chains"][""][0][0] = {"a1"};
  BOOST_TEST(patterns::restore_matcher(seq, broken).error() ==
             "pattern state: chains are malformed");
  broken = state;
  broken["version"] = 2;
  BOOST_TEST(!patterns::restore_matcher(seq, broken).has_value());

  // The same rule continues the partial; a rule with two steps drops the two-step partial.
  auto same = patterns::restore_matcher(seq, state);
  BOOST_TEST(patterns::on_event(same.value(), ev("c1", "c"), t0 + 2).size() == 1u);
  auto shorter = rule_of(R"({"name": "s", "kind": "sequence", "within": 10,
    "steps": [{"type": "a"}, {"type": "b"}], )" +
                         emit + "}");
  auto adapted = patterns::restore_matcher(shorter, state);
  BOOST_TEST(!patterns::next_deadline(adapted.value()).has_value());
}
