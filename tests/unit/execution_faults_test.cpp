// The engine under injected faults: crashed execution actors, failing attempts, a store whose
// connection drops. The faults come from wrappers around the store and the handlers.
#include <boost/test/unit_test.hpp>

#include "tests/support/faulty_handlers.hpp"
#include "tests/support/faulty_store.hpp"
#include "tests/unit/execution_harness.hpp"

namespace {

using namespace auraos::test;

json workflow(const std::string& id, json node) {
  return {{"id", id}, {"name", id}, {"nodes", json::array({std::move(node)})}};
}

/// A short wait, then `node`: the start request is answered before `node` runs.
json after_a_wait(const std::string& id, json node) {
  json wait{{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 0.1}}}};
  return {{"id", id},
          {"name", id},
          {"nodes", json::array({wait, node})},
          {"connections", json::array({{{"from", "wait"}, {"to", node.at("id")}}})}};
}

/// Executions the service saw complete.
int completed(execution_harness& h) {
  return h.counters().at("executions").at("ended").value("completed", 0);
}

json shell(const std::string& command) {
  return {{"id", "sh"}, {"type", "shell"}, {"config", {{"command", command}}}};
}

/// A harness whose attempts run through `faulty_handlers`.
struct handler_fixture {
  execution_harness h;
  std::shared_ptr<faulty_handlers> handlers =
      std::make_shared<faulty_handlers>(auraos::runtime::handlers::make_node_handlers());
  handler_fixture() {
    h.stop_system();
    h.start_system(std::chrono::seconds(30), {nullptr, handlers, nullptr});
  }
};

const json& node_view(const json& view, const std::string& node = "sh") {
  for (const auto& n : view.at("nodes"))
    if (n.at("id") == node) return n;
  BOOST_FAIL("no node " + node + " in " + view.dump());
  return view;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(execution_faults)

BOOST_FIXTURE_TEST_CASE(a_crashed_execution_actor_is_restarted_and_runs_the_attempt_again,
                        handler_fixture) {
  h.put_workflow(after_a_wait("crashy", shell("echo done")));
  handlers->crash_next(1);
  auto id = h.start("crashy").at("id").get<std::string>();
  auto end = h.wait_end(id);
  BOOST_TEST(end.at("status") == "completed", end.dump());
  BOOST_TEST(node_view(end).at("output").at("stdout") == "done\n");
  BOOST_TEST(handlers->attempts() == 2u);
}

BOOST_FIXTURE_TEST_CASE(injected_attempt_failures_are_retried_by_the_node_retry_policy,
                        handler_fixture) {
  auto node = shell("echo done");
  node["retry"] = {{"maxAttempts", 3},
                   {"initialIntervalSeconds", 0.01},
                   {"jitter", "none"},
                   {"retryOn", {"connection"}}};
  h.put_workflow(workflow("flaky", node));
  handlers->fail_next(2, {"connection", "injected: peer gone", true, nullptr});
  auto id = h.start("flaky").at("id").get<std::string>();
  auto end = h.wait_end(id);
  BOOST_TEST(end.at("status") == "completed", end.dump());
  BOOST_TEST(node_view(end).at("attempts") == 3);
  BOOST_TEST(handlers->attempts() == 3u);
}

BOOST_AUTO_TEST_CASE(an_execution_holds_its_writes_while_the_store_connection_is_dropped) {
  execution_harness h;
  std::shared_ptr<faulty_store> store;
  h.stop_system();
  h.start_system(std::chrono::seconds(30),
                 {[&store](std::shared_ptr<auraos::persistence::store> real) {
                    store = std::make_shared<faulty_store>(std::move(real));
                    return store;
                  },
                  nullptr, nullptr});
  h.put_workflow(
      workflow("waits", {{"id", "wait"}, {"type", "delay"}, {"config", {{"seconds", 0.3}}}}));
  auto id = h.start("waits").at("id").get<std::string>();
  store->drop_connection();
  h.env->advance(std::chrono::milliseconds(300));
  // The timer fires and its record is refused: the execution cannot go on without it.
  BOOST_REQUIRE(execution_harness::eventually([&] { return store->injected_failures() > 0; }));
  BOOST_TEST(completed(h) == 0);
  store->restore_connection();
  BOOST_TEST(h.wait_end(id).at("status") == "completed");
  BOOST_TEST(completed(h) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
