// The pattern actors inside a real events service on a SQLite store, on the harness's simulated
// clock: an absence window closes when the clock passes it, a deadline that passed while the
// node was down fires at the restart, a window spans a restart, and a rule that emits its own
// type does not feed on itself. (The rate kind's windows are driven on a simulated clock in
// patterns_rate_test.)
#include <boost/test/unit_test.hpp>

#include "actors/events/events_service.hpp"
#include "actors/events/pattern_service.hpp"
#include "actors/events/pattern_wire.hpp"
#include "runtime/events/patterns/rule_json.hpp"
#include "runtime/events/patterns/rule_parse.hpp"
#include "tests/unit/execution_harness.hpp"

namespace {

using namespace auraos::test;
namespace ae = auraos::actors::events;
namespace pt = auraos::runtime::events::patterns;

/// The registered actor `name` (waits for it).
caf::actor registered(execution_harness& h, caf::atom_value name) {
  caf::actor found;
  execution_harness::eventually([&] {
    found = caf::actor_cast<caf::actor>(h.system().registry().get(name));
    return static_cast<bool>(found);
  });
  BOOST_REQUIRE_MESSAGE(found, "no actor registered as " + caf::to_string(name));
  return found;
}

/// Creates a rule; fails the test when it is refused.
void create_rule(execution_harness& h, const json& document) {
  auto parsed = pt::parse_rule(document);
  BOOST_REQUIRE(parsed.has_value());
  ae::pattern_put put{parsed->id, parsed->name, std::string{pt::kind_name(parsed->kind())},
                      pt::rule_json(*parsed).dump(), true};
  caf::scoped_actor self{h.system()};
  self->request(registered(h, ae::patterns_registry_name), std::chrono::seconds(10), put)
      .receive([](ae::pattern_reply& r) { BOOST_REQUIRE(r.has_value()); },
               [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
}

/// Publishes one event of `type` with `correlation`; the stored event.
p::event_record publish(execution_harness& h, const std::string& type,
                        const std::string& correlation = "k") {
  p::event_record e;
  e.type = type;
  e.source = "test";
  e.correlation_id = correlation;
  p::event_record out;
  caf::scoped_actor self{h.system()};
  self->request(registered(h, a::executions::events_registry_name), std::chrono::seconds(10),
                ae::publish_atom::value, ae::publish_request{{e}})
      .receive(
          [&](ae::publish_reply& r) {
            BOOST_REQUIRE(r.has_value());
            out = r->front();
          },
          [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
  return out;
}

/// The stored events of `type`.
std::vector<p::event_record> events_of(execution_harness& h, const std::string& type) {
  ae::event_query q;
  q.filter.types = {type};
  q.page.limit = 1000;
  std::vector<p::event_record> out;
  caf::scoped_actor self{h.system()};
  self->request(registered(h, a::executions::events_registry_name), std::chrono::seconds(10), q)
      .receive(
          [&](ae::event_page_reply& r) {
            BOOST_REQUIRE(r.has_value());
            out = r->items;
          },
          [](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
  return out;
}

json absence(const std::string& id, double within) {
  return {{"id", id}, {"name", id}, {"kind", "absence"}, {"first", {{"type", "a"}}},
          {"then", {{"type", "b"}}}, {"within", within}, {"by", "correlationId"},
          {"emit", {{"type", "a.alone"}, {"source", "patterns"}}}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pattern_actor)

BOOST_AUTO_TEST_CASE(an_absence_window_closes_when_the_simulated_clock_passes_it) {
  execution_harness h;
  create_rule(h, absence("alone", 10));
  auto first = publish(h, "a");
  // Five simulated seconds: the window is open, nothing is emitted.
  h.env->advance(milliseconds(5000));
  auto b_other = publish(h, "b", "other");
  BOOST_TEST(events_of(h, "a.alone").empty());
  BOOST_REQUIRE(h.advance_until([&] { return !events_of(h, "a.alone").empty(); },
                                milliseconds(1000), milliseconds(20000)));
  auto derived = events_of(h, "a.alone");
  BOOST_REQUIRE_EQUAL(derived.size(), 1u);
  BOOST_TEST((derived[0].causation_id == std::optional<std::string>(first.id)));
  BOOST_TEST(derived[0].timestamp == first.stored_at + 10001);
  BOOST_TEST(derived[0].data.find(first.id) != std::string::npos, derived[0].data);
  BOOST_TEST(derived[0].metadata.find("\"patternId\":\"alone\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_deadline_that_passed_while_down_fires_at_the_restart) {
  execution_harness h;
  create_rule(h, absence("down", 10));
  auto first = publish(h, "a");
  // Let the coalesced state write happen, then stop; a minute passes while the node is down.
  h.advance_until([] { return false; }, milliseconds(100), milliseconds(300),
                  milliseconds(500));
  h.stop_system();
  h.env->advance(milliseconds(60000));
  h.start_system();
  BOOST_REQUIRE(execution_harness::eventually([&] { return !events_of(h, "a.alone").empty(); }));
  auto derived = events_of(h, "a.alone");
  BOOST_REQUIRE_EQUAL(derived.size(), 1u);
  BOOST_TEST((derived[0].causation_id == std::optional<std::string>(first.id)));
  BOOST_TEST(derived[0].timestamp == first.stored_at + 10001);
}

BOOST_AUTO_TEST_CASE(a_sequence_window_spans_a_restart_without_a_state_write) {
  execution_harness h;
  create_rule(h, {{"id", "seq"}, {"name", "seq"}, {"kind", "sequence"},
                  {"steps", {{{"type", "s1"}}, {{"type", "s2"}}}}, {"within", 60},
                  {"by", "correlationId"}, {"emit", {{"type", "s.done"}, {"source", "p"}}}});
  auto one = publish(h, "s1");
  // No clock move: the coalesced write may not have happened; the restart replays s1.
  h.stop_system();
  h.start_system();
  auto two = publish(h, "s2");
  BOOST_REQUIRE(execution_harness::eventually([&] { return !events_of(h, "s.done").empty(); }));
  auto derived = events_of(h, "s.done");
  BOOST_REQUIRE_EQUAL(derived.size(), 1u);
  BOOST_TEST((derived[0].causation_id == std::optional<std::string>(two.id)));
  BOOST_TEST(derived[0].data.find(one.id) != std::string::npos, derived[0].data);
}

BOOST_AUTO_TEST_CASE(a_rule_does_not_feed_on_its_own_derived_events) {
  execution_harness h;
  create_rule(h, {{"id", "echo"}, {"name", "echo"}, {"kind", "threshold"}, {"type", "x"},
                  {"count", 1}, {"within", 60}, {"emit", {{"type", "x"}, {"source", "p"}}}});
  create_rule(h, {{"id", "marker"}, {"name", "marker"}, {"kind", "threshold"}, {"type", "m"},
                  {"count", 1}, {"within", 60}, {"emit", {{"type", "m.seen"}, {"source", "p"}}}});
  publish(h, "x");
  BOOST_REQUIRE(execution_harness::eventually([&] { return events_of(h, "x").size() >= 2; }));
  publish(h, "m");
  BOOST_REQUIRE(execution_harness::eventually([&] { return !events_of(h, "m.seen").empty(); }));
  BOOST_TEST(events_of(h, "x").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
