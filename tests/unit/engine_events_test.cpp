// The engine's event nodes: publish_event and wait_event run as external attempts; a wait's
// config.timeoutSeconds is a durable timer that fails the node with error `timeout`.
#include "tests/unit/engine_harness.hpp"

using namespace auraos::runtime::engine;
using namespace auraos::runtime::engine::test;
using nlohmann::json;

namespace {

json wait_node(json config) {
  return {{"id", "w"}, {"type", "wait_event"}, {"config", std::move(config)}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_events)

BOOST_AUTO_TEST_CASE(publish_event_is_an_attempt_whose_output_is_the_node_output) {
  harness h(workflow_doc(
      {{{"id", "p"}, {"type", "publish_event"}, {"config", {{"type", "t"}, {"data", "${input.x}"}}}}},
      json::array()));
  auto started = effects_of<start_attempt>(h.start({{"x", 4}}));
  BOOST_REQUIRE_EQUAL(started.size(), 1u);
  BOOST_TEST((started[0].type == auraos::runtime::definition::node_type::publish_event));
  BOOST_TEST(json_or_null(started[0].config)["data"] == 4);
  BOOST_TEST(!started[0].idempotency_key.empty());
  h.complete("p", 1, {{"eventId", "e-1"}});
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(wait_event_waits_and_completes_with_the_event) {
  harness h(workflow_doc({wait_node({{"type", "paid"}, {"correlationId", "${execution.id}"}})}, json::array()));
  auto d = h.start();
  auto started = effects_of<start_attempt>(d);
  BOOST_REQUIRE_EQUAL(started.size(), 1u);
  BOOST_TEST(json_or_null(started[0].config)["correlationId"] == "e1");
  BOOST_TEST(effects_of<set_timer>(d).empty());
  BOOST_TEST(h.status("w") == node_status::waiting);
  h.complete("w", 1, {{"type", "paid"}});
  BOOST_TEST(h.status("w") == node_status::completed);
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(wait_event_timeout_is_a_durable_timer_that_fails_the_node) {
  harness h(workflow_doc({wait_node({{"type", "paid"}, {"timeoutSeconds", 2}})}, json::array()));
  auto d = h.start();
  auto timers = effects_of<set_timer>(d);
  BOOST_REQUIRE_EQUAL(timers.size(), 1u);
  BOOST_TEST(timers[0].deadline_ms == 1000 + 2000);
  BOOST_TEST(h.status("w") == node_status::waiting);
  auto fired = h.fire(timers[0].id, 3000);
  BOOST_TEST(effects_of<cancel_attempt>(fired).size() == 1u);
  BOOST_TEST(h.status("w") == node_status::failed);
  BOOST_TEST(h.state().nodes.at("w").error->type == "timeout");
  BOOST_TEST(h.status() == execution_status::failed);
}

BOOST_AUTO_TEST_CASE(an_event_before_the_timeout_drops_the_timer) {
  harness h(workflow_doc({wait_node({{"type", "paid"}, {"timeoutSeconds", 2}})}, json::array()));
  h.start();
  auto done = h.complete("w", 1, {{"type", "paid"}});
  BOOST_TEST(effects_of<cancel_timer>(done).size() == 1u);
  BOOST_TEST(h.state().timers.empty());
  BOOST_TEST(h.status() == execution_status::completed);
}

BOOST_AUTO_TEST_CASE(a_recovered_wait_is_issued_again) {
  harness h(workflow_doc({wait_node({{"type", "paid"}})}, json::array()));
  h.start();
  auto again = effects_of<start_attempt>(h.step(recovered_event{}));
  BOOST_REQUIRE_EQUAL(again.size(), 1u);
  BOOST_TEST(again[0].node == "w");
  BOOST_TEST(again[0].attempt == 1);
}

BOOST_AUTO_TEST_SUITE_END()
