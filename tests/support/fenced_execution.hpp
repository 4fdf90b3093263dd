#pragma once
// The fencing scenario on any backend: an execution waits on a long delay in a local engine,
// another owner takes its shard, then a pause makes it write: the store fences the write, the
// actor stops without retrying, and its history does not grow.

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "node/local_node.hpp"
#include "persistence/shards.hpp"
#include "persistence/store.hpp"
#include "tests/support/sample_workflows.hpp"

namespace auraos::test {

/// Polls `condition` every 10 ms until it holds or 20 s passed; whether it held.
template <class F>
bool poll_until(F condition) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!condition() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return condition();
}

/// Runs the scenario: `engine_store` serves the engine, `other` is a second connection to the
/// same database, used as another node would.
inline void check_fenced_execution_stops(std::shared_ptr<persistence::store> engine_store,
                                         persistence::store& other) {
  namespace a = actors;
  namespace p = persistence;
  node::node_settings settings;
  settings.store = std::move(engine_store);
  settings.scheduler_threads = 2;
  node::local_node engine{std::move(settings)};
  auto definition = nlohmann::json::parse(wait_then_compute("fenced", 600));
  auto stored = engine.put_workflow({"fenced", "fenced", "", "1", definition.dump(), {}});
  BOOST_REQUIRE_MESSAGE(stored.has_value(), (stored ? "" : stored.error().message));
  auto service = engine.executions();
  BOOST_REQUIRE(service);
  caf::scoped_actor self{engine.system()};
  auto ask = [&](auto... xs) {
    a::executions::execution_reply out =
        fail(a::executions::execution_failure{errc::internal, "none", {}});
    self->request(service, std::chrono::seconds(30), xs...)
        .receive([&](a::executions::execution_reply& r) { out = std::move(r); },
                 [](caf::error&) {});
    return out;
  };
  auto started = ask(a::executions::start_execution_command{"fenced", 0, "null", ""});
  BOOST_REQUIRE_MESSAGE(started.has_value(), (started ? "" : started.error().message));
  auto id = started->id;
  // The delay's timer row is written with the decision that set it: the execution now waits.
  BOOST_REQUIRE(poll_until([&] {
    auto next = other.next_timer_deadline();
    return next && next->has_value();
  }));
  auto before = other.read_history(id);
  BOOST_REQUIRE(before.has_value());
  auto lease = p::shard_of(id);
  auto taken = other.acquire_shard(lease, "other-node");
  BOOST_REQUIRE(taken.has_value());

  auto paused = ask(a::executions::pause_atom::value, id);
  BOOST_REQUIRE_MESSAGE(!paused.has_value(), "a pause under a lost lease must not succeed");
  BOOST_TEST(paused.error().message.find("fenced") != std::string::npos, paused.error().message);
  auto active_actors = [&] {
    std::int64_t count = -1;
    self->request(service, std::chrono::seconds(10), a::executions::counters_atom::value)
        .receive([&](a::executions::executions_counters& c) { count = c.active_actors; },
                 [](caf::error&) {});
    return count;
  };
  BOOST_TEST(poll_until([&] { return active_actors() == 0; }), "the fenced actor did not stop");
  auto after = other.read_history(id);
  BOOST_REQUIRE(after.has_value());
  BOOST_TEST(after->size() == before->size());
  BOOST_TEST(p::to_string(other.get_execution(id)->status) == "running");
  BOOST_TEST(other.get_shard_lease(lease)->owner == "other-node");
}

}  // namespace auraos::test
