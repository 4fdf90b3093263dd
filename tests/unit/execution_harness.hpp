#pragma once
// A real actor system with the executions service on a SQLite store in a temp dir, on a
// simulated clock: timers fire only when a test moves it (`advance_until`, `wait_end`).

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include "actors/env_simulated.hpp"
#include "gateway/execution_json.hpp"
#include "node/local_node.hpp"
#include "persistence/sqlite/sqlite_store.hpp"
#include "runtime/handlers/node_handlers.hpp"
#include "tests/support/temp_dir.hpp"

namespace auraos::test {

namespace a = actors;
namespace p = persistence;
using json = nlohmann::json;
using std::chrono::milliseconds;

/// What a test puts between the engine and the world (see tests/support/faulty_*.hpp).
struct harness_faults {
  /// Wraps the opened store (e.g. in a `faulty_store`); null: the store itself.
  std::function<std::shared_ptr<p::store>(std::shared_ptr<p::store>)> wrap_store;
  /// The handlers attempts run on; null: the real ones.
  std::shared_ptr<runtime::handlers::node_handlers> handlers;
  /// Changes the service's settings (e.g. a clustered service) before it starts.
  std::function<void(a::executions::executions_options&)> tune;
};

/// The runtime under test; `start_system` and `stop_system` may be repeated on the same file.
class execution_harness {
 public:
  execution_harness() : env(std::make_shared<a::simulated_env>()) { start_system(); }
  ~execution_harness() { stop_system(); }

  /// Builds a fresh actor system, store actor and service on the same database file.
  void start_system(milliseconds passivate_after = std::chrono::seconds(30),
                    const harness_faults& faults = {}) {
    auto opened = p::sqlite::sqlite_store::open({dir.file("auraos.db"), a::wall_source(env)});
    BOOST_REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
    std::shared_ptr<p::store> store = std::move(opened).value();
    a::executions::executions_options options;
    options.env = env;
    options.passivate_after = passivate_after;
    options.definitions_dir = dir.path().string();
    options.on_finished = [this](const std::string& id, const a::executions::execution_view& view) {
      std::lock_guard lock(mutex_);
      ended_[id] = gateway::execution_json(view);
      ended_at_[id] = env->now_ms();
      changed_.notify_all();
    };
    options.handlers = faults.handlers;
    if (faults.tune) faults.tune(options);
    node::node_settings settings;
    settings.store = faults.wrap_store ? faults.wrap_store(std::move(store)) : std::move(store);
    settings.executions = std::move(options);
    settings.env = env;
    settings.scheduler_threads = 2;
    engine_ = std::make_unique<node::local_node>(std::move(settings));
  }

  /// Stops everything (running attempts are recorded as interrupted) and the actor system.
  void stop_system() { engine_.reset(); }

  /// The actor system of the running engine.
  caf::actor_system& system() { return engine_->system(); }

  /// Stores a workflow definition.
  void put_workflow(const json& definition) {
    p::workflow_draft draft{
        definition.at("id"), definition.value("name", "test"), "", "1", definition.dump(), {}};
    auto stored = engine_->put_workflow(std::move(draft));
    BOOST_REQUIRE_MESSAGE(stored.has_value(), (stored ? "" : stored.error().message));
  }

  /// The live service (waits for it to register).
  caf::actor service() {
    auto found = engine_->executions();
    BOOST_REQUIRE_MESSAGE(found, "the executions service did not register");
    return found;
  }

  /// Sends a request to the service and returns its answer.
  template <class... Ts>
  a::executions::execution_reply ask(Ts... xs) {
    caf::scoped_actor self{engine_->system()};
    a::executions::execution_reply out =
        fail(a::executions::execution_failure{errc::internal, "no reply", {}});
    self->request(service(), std::chrono::seconds(30), xs...)
        .receive(
            [&](a::executions::execution_reply& r) { out = std::move(r); },
            [&](caf::error& e) {
              out = fail(a::executions::execution_failure{errc::internal, caf::to_string(e), {}});
            });
    return out;
  }

  /// Starts an execution; its view.
  json start(const std::string& workflow_id, const json& input = nullptr) {
    auto reply = ask(a::executions::start_execution_command{workflow_id, 0, input.dump(), ""});
    BOOST_REQUIRE_MESSAGE(reply.has_value(), (reply ? "" : reply.error().message));
    return gateway::execution_json(*reply);
  }

  /// The execution's view (from its actor or the store).
  json get(const std::string& id) {
    auto reply = ask(caf::get_atom::value, id);
    BOOST_REQUIRE_MESSAGE(reply.has_value(), (reply ? "" : reply.error().message));
    return gateway::execution_json(*reply);
  }

  /// The stored history as the REST array (every record: one page without a limit).
  json history(const std::string& id) {
    caf::scoped_actor self{engine_->system()};
    json out;
    self->request(service(), std::chrono::seconds(10), a::executions::history_atom::value, id,
                  std::int64_t{0}, std::int64_t{0})
        .receive(
            [&](a::executions::history_reply& reply) {
              BOOST_REQUIRE(reply.has_value());
              out = gateway::history_json(*reply);
            },
            [&](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
    return out;
  }

  /// The service's counters.
  json counters() {
    caf::scoped_actor self{engine_->system()};
    json out;
    self->request(service(), std::chrono::seconds(10), a::executions::counters_atom::value)
        .receive([&](a::executions::executions_counters& c) { out = gateway::counters_json(c); },
                 [&](caf::error& e) { BOOST_FAIL(caf::to_string(e)); });
    return out;
  }

  /// Waits until `id` ended (its final view), failing the test at the (real) deadline; while
  /// waiting, the simulated clock moves by `step` every 10 ms (0: it stands still).
  json wait_end(const std::string& id, milliseconds step = milliseconds(100),
                milliseconds deadline = std::chrono::seconds(20)) {
    auto until = std::chrono::steady_clock::now() + deadline;
    std::unique_lock lock(mutex_);
    while (!ended_.count(id) && std::chrono::steady_clock::now() < until) {
      if (changed_.wait_for(lock, milliseconds(10), [&] { return ended_.count(id) > 0; })) break;
      lock.unlock();
      env->advance(step);
      lock.lock();
    }
    BOOST_REQUIRE_MESSAGE(ended_.count(id), "execution " + id + " did not end in time");
    return ended_.at(id);
  }

  /// True when `id` has ended.
  bool ended(const std::string& id) {
    std::lock_guard lock(mutex_);
    return ended_.count(id) > 0;
  }

  /// The simulated wall time at which `id` ended (it must have).
  std::int64_t ended_at(const std::string& id) {
    std::lock_guard lock(mutex_);
    return ended_at_.at(id);
  }

  /// Moves the simulated clock by `step` (at most `budget` in all) until `condition()` holds,
  /// checking every 10 ms; false at the (real) deadline.
  template <class F>
  bool advance_until(F condition, milliseconds step, milliseconds budget,
                     milliseconds deadline = std::chrono::seconds(20)) {
    auto until = std::chrono::steady_clock::now() + deadline;
    auto limit = env->elapsed() + budget;
    while (std::chrono::steady_clock::now() < until) {
      if (condition()) return true;
      if (env->elapsed() + step <= limit) env->advance(step);
      std::this_thread::sleep_for(milliseconds(10));
    }
    return condition();
  }

  /// Waits until `condition()` holds, checking every 10 ms; false at the deadline.
  template <class F>
  static bool eventually(F condition, milliseconds deadline = std::chrono::seconds(20)) {
    auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
      if (condition()) return true;
      std::this_thread::sleep_for(milliseconds(10));
    }
    return condition();
  }

  temp_dir dir;
  /// The clock, randomness and timers of every system the harness starts.
  std::shared_ptr<a::simulated_env> env;

 private:
  std::unique_ptr<node::local_node> engine_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, json> ended_;
  std::map<std::string, std::int64_t> ended_at_;
};

}  // namespace auraos::test
